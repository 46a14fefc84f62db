resource "aws_elasticache_replication_group" "main" {
  replication_group_id       = "app"
  description                = "app cache"
  engine                     = "valkey"
  node_type                  = "cache.t4g.micro"
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
}

# Memcached has no encryption at rest to turn on.
resource "aws_elasticache_replication_group" "memcached" {
  replication_group_id = "sessions"
  description          = "memcached"
  engine               = "memcached"
  node_type            = "cache.t4g.micro"
}

# A member of a global datastore takes its encryption from the primary group.
resource "aws_elasticache_replication_group" "secondary" {
  replication_group_id        = "secondary"
  description                 = "secondary of a global datastore"
  global_replication_group_id = "ldgnf-app"
}
