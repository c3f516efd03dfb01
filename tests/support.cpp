#include "support.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "source/reader.hpp"

namespace test_env {

const std::string& source_dir() {
    static const std::string dir = PROTOPUB_SOURCE_DIR;
    return dir;
}

const std::string& cli_path() {
    static const std::string path = PROTOPUB_CLI;
    return path;
}

const std::string& build_dir() {
    static const std::string dir = PROTOPUB_BUILD_DIR;
    return dir;
}

const std::string& cmake_command() {
    static const std::string path = PROTOPUB_CMAKE;
    return path;
}

std::string seeds_dir() { return source_dir() + "/tests/data/seeds"; }

std::string akn_schema() { return source_dir() + "/tests/data/schemas/akn30/akomantoso30.xsd"; }

}  // namespace test_env

namespace testing {

TempDir::TempDir() {
    char tmpl[] = "/tmp/protopub-test-XXXXXX";
    if (!::mkdtemp(tmpl)) throw std::runtime_error("mkdtemp failed");
    path_ = tmpl;
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(path_, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
    std::filesystem::remove_all(path_, ec);
}

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

std::string source_with_body(const std::string& body) {
    return "---\ntitle: Test Protocol\ncouncil: Test Council\nversion: \"1\"\nstatus: draft\n---\n\n" + body;
}

std::string council_source(const std::string& council, const std::string& body) {
    return "---\ntitle: Protocol\ncouncil: " + council + "\nversion: \"1\"\nstatus: draft\n---\n\n" + body;
}

protopub::model::Protocol parse_source(const std::string& text, const std::string& path) {
    protopub::model::Diagnostics diags;
    auto p = protopub::source::read_protocol(text, path, diags);
    INFO(formatted(diags));
    REQUIRE_FALSE(diags.has_errors());
    return p;
}

namespace {
std::string shell_quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) {
        if (c == '\'')
            out += "'\\''";
        else
            out += c;
    }
    return out + "'";
}
}  // namespace

RunResult run_cli(const std::vector<std::string>& args) {
    TempDir tmp;
    std::string cmd = shell_quote(test_env::cli_path());
    for (const auto& a : args) cmd += " " + shell_quote(a);
    cmd += " >" + tmp.file("out") + " 2>" + tmp.file("err") + " </dev/null";
    int status = std::system(cmd.c_str());
    RunResult r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = read(tmp.file("out"));
    r.err = read(tmp.file("err"));
    return r;
}

std::string formatted(const protopub::model::Diagnostics& diags) {
    std::string out;
    for (const auto& d : diags.items()) out += protopub::model::format(d) + "\n";
    return out;
}

}  // namespace testing
