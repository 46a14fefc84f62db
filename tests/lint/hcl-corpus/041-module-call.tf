module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
  azs     = slice(data.aws_availability_zones.available.names, 0, 3)
  providers = {
    aws = aws.east
  }
}
