#pragma once

#include <string_view>

namespace stackplan::aws {

/// The checkov check that asks of a Terraform resource what an AWS Control Tower control asks
/// of its CloudFormation counterpart ("CT.ECS.PR.2" -> "CKV_AWS_65"), or empty where checkov
/// has none. A rendered exception is written for both tools: the control in the
/// CloudFormation `Metadata` and the check as `checkov:skip` in the Terraform block.
std::string_view checkov_check(std::string_view control);

}  // namespace stackplan::aws
