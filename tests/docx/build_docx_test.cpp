// `protopub build --format docx` as a user runs it.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include <unistd.h>
#include "paths.hpp"

namespace fs = std::filesystem;

namespace {

int run(const std::string& arguments) {
    const std::string command = test_env::cli_path() + " " + arguments + " >/dev/null 2>&1";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

const std::string sample = test_env::source_dir() + "/tests/data/sample.md";

}  // namespace

TEST_CASE("build --format docx writes <stem>.docx, a bad reference writes nothing", "[docx][cli]") {
    const fs::path dir = fs::temp_directory_path() / ("protopub-build-docx-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    CHECK(run("build " + sample + " -o " + (dir / "ok").string() + " --format docx") == 0);
    CHECK(fs::file_size(dir / "ok" / "sample.docx") > 1000);

    const fs::path bad = dir / "house.docx";
    std::system(("echo 'not a zip' > " + bad.string()).c_str());
    CHECK(run("build " + sample + " -o " + (dir / "bad").string() + " --format docx --reference-docx " +
              bad.string()) == 2);
    CHECK_FALSE(fs::exists(dir / "bad"));
    CHECK(run("build " + sample + " -o " + (dir / "missing").string() + " --format docx --reference-docx") == 2);
    fs::remove_all(dir);
}
