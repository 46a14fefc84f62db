resource "aws_elasticache_replication_group" "main" {
  replication_group_id       = "app"
  description                = "app cache"
  engine                     = "valkey"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}

# Memcached replication is not configured here.
resource "aws_elasticache_replication_group" "memcached" {
  replication_group_id = "sessions"
  description          = "memcached"
  engine               = "memcached"
  node_type            = "cache.t4g.micro"
}
