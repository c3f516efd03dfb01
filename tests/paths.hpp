// Where the tests find the repository, the build and the built CLI. Only support.cpp is
// compiled with these paths, so every other file compiles the same in any checkout. The
// tests read nothing outside the repository (what they need is copied into tests/data/).
#pragma once

#include <string>

namespace test_env {

const std::string& source_dir();
const std::string& cli_path();
const std::string& build_dir();      // the CMake build tree the tests run from
const std::string& cmake_command();  // the cmake that configured it (for `cmake --install`)
std::string seeds_dir();             // tests/data/seeds: the five real protocol texts
std::string akn_schema();            // tests/data/schemas/akn30/akomantoso30.xsd (OASIS)

}  // namespace test_env
