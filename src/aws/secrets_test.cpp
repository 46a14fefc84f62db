#include "aws/secrets.hpp"

#include <catch2/catch.hpp>

using stackplan::aws::secret_like_name;
using stackplan::aws::secret_like_value;

TEST_CASE("names that hold secrets, and names of references to them", "[secrets]") {
  CHECK(secret_like_name("db_password"));
  CHECK(secret_like_name("ApiToken"));
  CHECK(secret_like_name("STRIPE_SECRET_KEY"));
  CHECK_FALSE(secret_like_name("db_password_secret_arn"));
  CHECK_FALSE(secret_like_name("secret_arns"));
  CHECK_FALSE(secret_like_name("SecretsManagerDomainCredentialsSecretsKMSKey"));
  CHECK_FALSE(secret_like_name("manage_master_user_password_rotation"));
  CHECK_FALSE(secret_like_name("create_account_password_policy"));
  CHECK_FALSE(secret_like_name("region"));
  CHECK_FALSE(secret_like_name("secret_name_prefix"));
  CHECK_FALSE(secret_like_name("token_ttl"));
  CHECK_FALSE(secret_like_name("PasswordVersion"));
  CHECK(secret_like_name("secret_token"));
}

TEST_CASE("a default is a secret only when its value could be one", "[secrets]") {
  CHECK(secret_like_value("tok_live_123"));
  CHECK(secret_like_value("changeme123"));
  CHECK(secret_like_value("hunter2"));
  for (const char* plain : {"", "  ", "true", "False", "0", "90", "-1.5", "arn:aws:kms:x",
                            "{{resolve:secretsmanager:db}}", "<password>", "${DB_PASSWORD}", "xxxx",
                            "****", "CHANGE_ME", "replace-me", "TODO", "none"}) {
    INFO(plain);
    CHECK_FALSE(secret_like_value(plain));
  }
}
