#pragma once

#include <string>
#include <vector>

#include "model/stack.hpp"

// One definition per kind of AWS resource: in its own file of this folder (kinds/<kind>.cpp,
// declared here), or in its own folder (kinds/<kind>/kinds.cpp, declared in registry.cpp, see
// docs/adding-a-kind.md). registry.cpp lists them all.

namespace stackplan::kinds {

extern const model::Kind k_ecs_cluster;
extern const model::Kind k_ec2_asg;
extern const model::Kind k_ecs_service;
extern const model::Kind k_savings_plan;
extern const model::Kind k_log_group;

/// Every kind, in the order resources are listed and costed (the registry).
const std::vector<const model::Kind*>& all();

/// The resources of one spec variant, in registry order.
std::vector<model::Resource> resources_of(const spec::Spec& spec);

/// docs/usage.md: every usage figure of every kind, with its default.
std::string usage_reference();

}  // namespace stackplan::kinds
