// Helpers shared by the tests: temporary folders, files, and running the CLI.
#pragma once

#include <string>
#include <vector>

#include "model/diagnostics.hpp"
#include "model/protocol.hpp"
#include "paths.hpp"

namespace testing {

// A fresh empty folder under /tmp, removed when the object dies.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::string& path() const { return path_; }
    std::string file(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

std::string read(const std::string& path);
void write(const std::string& path, const std::string& bytes);

// A source with valid front matter and the given Markdown body.
std::string source_with_body(const std::string& body);
// The same for a protocol of the named council (comparisons need several councils).
std::string council_source(const std::string& council, const std::string& body);

// `text` read as a protocol source at `path`; the test fails, showing the diagnostics,
// if the source has errors.
protopub::model::Protocol parse_source(const std::string& text, const std::string& path = "test.md");

struct RunResult {
    int exit_code = -1;
    std::string out;  // stdout
    std::string err;  // stderr
};
// Runs the protopub CLI with `args` (shell-quoted here), capturing both streams.
RunResult run_cli(const std::vector<std::string>& args);

// All diagnostics formatted one per line ("file:line:col: error: message").
std::string formatted(const protopub::model::Diagnostics& diags);

}  // namespace testing
