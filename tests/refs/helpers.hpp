// Shared by the refs tests: read a test source the way the pipeline does, and run the
// protopub binary as a user would.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "io/files.hpp"
#include "model/diagnostics.hpp"
#include "model/protocol.hpp"
#include "refs/refs.hpp"
#include "source/reader.hpp"

namespace protopub::refs_test {

inline std::string data_path(const std::string& name) {
    return std::string(PROTOPUB_SOURCE_DIR) + "/tests/data/refs/" + name;
}

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Reads and resolves a source; diagnostics of both steps land in `diags`.
inline model::Protocol load(const std::string& path, model::Diagnostics& diags) {
    model::Protocol p = source::read_protocol(slurp(path), path, diags);
    refs::resolve_references(p, diags);
    return p;
}

// The references of `p` whose words are exactly `text`.
inline std::vector<const model::Reference*> find_refs(const model::Protocol& p, const std::string& text) {
    std::vector<const model::Reference*> out;
    for (const auto& r : p.references)
        if (r.text == text) out.push_back(&r);
    return out;
}

struct CliRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// Runs `protopub ARGS` (arguments already shell-quoted) and captures both streams.
inline CliRun run_cli(const std::string& args) {
    namespace fs = std::filesystem;
    static int counter = 0;
    const fs::path dir = fs::temp_directory_path() / ("protopub-refs-test-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string stem = (dir / std::to_string(counter++)).string();
    const std::string command = std::string("'") + PROTOPUB_CLI + "' " + args + " >'" + stem + ".out' 2>'" + stem + ".err'";
    const int status = std::system(command.c_str());
    CliRun run;
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    run.out = slurp(stem + ".out");
    run.err = slurp(stem + ".err");
    return run;
}

// A fresh empty folder for files a test writes.
inline std::filesystem::path scratch_dir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() / ("protopub-refs-" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir;
}

}  // namespace protopub::refs_test
