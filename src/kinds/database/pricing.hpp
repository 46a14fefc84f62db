#pragma once

// The catalog keys of RDS, Aurora and the EFS file system a SQLite database may live on, named
// once for the kinds and the import rules. `engine` is "postgres" or "mysql", `deployment`
// "single-az" or "multi-az", `config` Aurora's "standard" or "io-optimized".

#include <string>
#include <string_view>

#include "pricing/rules.hpp"

namespace stackplan::pricing {

inline std::string rds_instance_key(std::string_view engine, std::string_view db_class,
                                    std::string_view deployment) {
  return price_key({"rds/instance", engine, db_class, deployment});
}
/// GB-months of a storage type: "rds/storage/gp3/single-az".
inline std::string rds_storage_key(std::string_view type, std::string_view deployment) {
  return price_key({"rds/storage", type, deployment});
}
/// Provisioned IOPS-months: "rds/iops/io1/multi-az", "rds/iops/gp3/single-az".
inline std::string rds_iops_key(std::string_view type, std::string_view deployment) {
  return price_key({"rds/iops", type, deployment});
}
/// gp3 MiBps-months above the included throughput.
inline std::string rds_gp3_throughput_key(std::string_view deployment) {
  return price_key({"rds/throughput/gp3", deployment});
}
/// vCPU-hours of Extended Support: `years` is "year-1-2" or "year-3".
inline std::string rds_extended_support_key(std::string_view engine, std::string_view major,
                                            std::string_view years) {
  return price_key({"rds/extended-support", engine, major, years});
}
/// GB-months of backup storage beyond the free allowance.
inline constexpr std::string_view k_rds_backup_key = "rds/backup";

inline std::string aurora_instance_key(std::string_view engine, std::string_view db_class,
                                       std::string_view config) {
  return price_key({"aurora/instance", engine, db_class, config});
}
inline std::string aurora_serverless_key(std::string_view engine, std::string_view config) {
  return price_key({"aurora/serverless-v2", engine, config});
}
inline std::string aurora_storage_key(std::string_view engine, std::string_view config) {
  return price_key({"aurora/storage", engine, config});
}
/// I/O requests of standard (not I/O-Optimized) clusters.
inline std::string aurora_io_key(std::string_view engine) {
  return price_key({"aurora/io", engine});
}
inline std::string aurora_backup_key(std::string_view engine) {
  return price_key({"aurora/backup", engine});
}

inline constexpr std::string_view k_efs_standard_key = "efs/storage/standard";
inline constexpr std::string_view k_efs_ia_key = "efs/storage/ia";
/// GB read and written under elastic throughput.
inline constexpr std::string_view k_efs_read_key = "efs/elastic/read";
inline constexpr std::string_view k_efs_write_key = "efs/elastic/write";

}  // namespace stackplan::pricing
