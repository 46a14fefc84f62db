resource "aws_elasticache_replication_group" "main" {
  replication_group_id       = "app"
  description                = "app cache"
  engine                     = "valkey"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = false # expect
}

resource "aws_elasticache_replication_group" "unset" { # expect
  replication_group_id       = "unset"
  description                = "cache without the setting"
  engine                     = "redis"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = true
}
