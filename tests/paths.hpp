// Where the tests find the repository, the built CLI and the seed texts. Only support.cpp
// is compiled with these paths, so every other file compiles the same in any checkout.
#pragma once

#include <string>

namespace test_env {

const std::string& source_dir();
const std::string& cli_path();
std::string seeds_dir();   // $PROTOPUB_SEEDS_DIR, else ../shared/seeds beside the repository

}  // namespace test_env
