#include "kinds/kinds.hpp"

namespace stackplan::model {

const std::vector<const Kind*>& kinds() {
  // Order matters once: compute kinds come before the Savings Plan, which prices the usage
  // they register. Otherwise this is the order of the plan.
  static const std::vector<const Kind*> all = {
      &kinds::k_ec2_asg,      &kinds::k_fargate_service, &kinds::k_savings_plan,
      &kinds::k_log_group,    &kinds::k_rds_instance,    &kinds::k_aurora_cluster,
      &kinds::k_sqlite_local, &kinds::k_sqlite_efs,      &kinds::k_litestream_replica,
      &kinds::k_s3_sync,      &kinds::k_s3_bucket,       &kinds::k_load_balancer,
      &kinds::k_nat_gateway,  &kinds::k_data_transfer,   &kinds::k_secret,
      &kinds::k_dns_zone,     &kinds::k_external_cost,
  };
  return all;
}

}  // namespace stackplan::model
