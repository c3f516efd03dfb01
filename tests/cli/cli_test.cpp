// The protopub command line: exit codes, diagnostics on stderr, atomic outputs.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>

#include <unistd.h>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {
const std::string kSample = test_env::source_dir() + "/tests/data/sample.md";

// Every file under `dir` with its bytes: a snapshot to compare before and after.
std::map<std::string, std::string> snapshot(const std::string& dir) {
    std::map<std::string, std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) files[fs::relative(e.path(), dir).string()] = testing::read(e.path().string());
    return files;
}
}  // namespace

TEST_CASE("check: exit 0 clean, 1 with errors, 2 for usage and I/O", "[cli]") {
    auto ok = testing::run_cli({"check", kSample});
    CHECK(ok.exit_code == 0);
    CHECK(ok.err == "");

    testing::TempDir dir;
    testing::write(dir.file("bad.md"), testing::source_with_body("## 1. A\n\n1.1 One.\n\n1.3 Three.\n"));
    auto bad = testing::run_cli({"check", dir.file("bad.md")});
    CHECK(bad.exit_code == 1);
    CHECK(bad.err ==
          dir.file("bad.md") + ":12:1: error: clause 1.3 follows 1.1: 1.2 is missing\n1 error, 0 warnings\n");

    CHECK(testing::run_cli({"check"}).exit_code == 2);
    CHECK(testing::run_cli({"check", "--frobnicate", kSample}).exit_code == 2);
    auto missing = testing::run_cli({"check", dir.file("nope.md")});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find(dir.file("nope.md") + ": error: no such file or folder") == 0);
    CHECK(testing::run_cli({"frobnicate"}).exit_code == 2);
    CHECK(testing::run_cli({}).exit_code == 2);
    CHECK(testing::run_cli({"help"}).exit_code == 0);
}

TEST_CASE("check never changes the source", "[cli]") {
    testing::TempDir dir;
    const std::string text = testing::source_with_body("## 1. A\n\n1.1 One.\r\n\r\n1.3 x\n");
    testing::write(dir.file("s.md"), text);
    testing::run_cli({"check", dir.file("s.md")});
    CHECK(testing::read(dir.file("s.md")) == text);
}

TEST_CASE("build writes the site, the same input gives the same bytes", "[cli][determinism]") {
    testing::TempDir a, b;
    auto r1 = testing::run_cli({"build", kSample, "-o", a.path()});
    REQUIRE(r1.exit_code == 0);
    auto r2 = testing::run_cli({"build", kSample, "-o", b.path()});
    REQUIRE(r2.exit_code == 0);
    auto first = snapshot(a.path());
    CHECK(first.count("index.html") == 1);
    CHECK(first.count("sample.html") == 1);
    CHECK(first == snapshot(b.path()));
}

TEST_CASE("a source named twice, on its own and in its folder, is one protocol", "[cli]") {
    testing::TempDir dir;
    testing::write(dir.file("one.md"), testing::source_with_body("## 1. A\n\n1.1 One.\n"));
    auto run =
        testing::run_cli({"build", dir.path(), dir.file("one.md"), dir.path() + "/./one.md", "-o", dir.file("site")});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("1 protocol published") == 0);
}

TEST_CASE("build --link puts other publications on the front page, a bad one is a usage error", "[cli]") {
    testing::TempDir dir;
    auto run = testing::run_cli({"build", kSample, "-o", dir.file("site"), "--link", "Comparison=comparison/index.html",
                                 "--link", "The constitution=https://example.org/constitution"});
    REQUIRE(run.exit_code == 0);
    const auto index = testing::read(dir.file("site/index.html"));
    CHECK(index.find("<a href=\"comparison/index.html\">Comparison</a>") != std::string::npos);
    CHECK(index.find("<a href=\"https://example.org/constitution\">The constitution</a>") != std::string::npos);
    CHECK(index.find("comparison/index.html") < index.find("example.org"));  // in the order given
    CHECK(testing::read(dir.file("site/sample.html")).find("See also") == std::string::npos);
    for (const char* bad :
         {"x=javascript:alert(1)", "x=data:text/html,hi", "=comparison/index.html", "Comparison=", "Comparison"}) {
        auto refused = testing::run_cli({"build", kSample, "-o", dir.file("bad"), "--link", bad});
        CHECK(refused.exit_code == 2);
        CHECK(refused.err.find("protopub build: error: --link '") == 0);
        CHECK_FALSE(fs::exists(dir.file("bad")));
    }
}

TEST_CASE("a failing build leaves the output folder exactly as it was", "[cli][atomic]") {
    testing::TempDir out, src;
    REQUIRE(testing::run_cli({"build", kSample, "-o", out.path()}).exit_code == 0);
    testing::write(out.file("keep.txt"), "council's own file");
    const auto before = snapshot(out.path());

    // a source with an error: nothing is written
    testing::write(src.file("sample.md"), testing::source_with_body("## 1. A\n\n1.1 One.\n\n1.1 Twice.\n"));
    auto r = testing::run_cli({"build", src.file("sample.md"), "-o", out.path()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("nothing written") != std::string::npos);
    CHECK(snapshot(out.path()) == before);

    // a broken template folder: nothing is written
    auto t = testing::run_cli({"build", kSample, "-o", out.path(), "--templates", src.file("no-such-templates")});
    CHECK(t.exit_code == 2);
    CHECK(snapshot(out.path()) == before);

    // no staging folders or temp files are left behind
    for (const auto& e : fs::directory_iterator(out.path()))
        CHECK(e.path().filename().string().find("protopub-stage") == std::string::npos);
}

TEST_CASE("build: output path problems are usage errors", "[cli][atomic]") {
    testing::TempDir dir;
    testing::write(dir.file("a-file"), "x");
    auto r = testing::run_cli({"build", kSample, "-o", dir.file("a-file")});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("is a file, not a folder") != std::string::npos);
    CHECK(testing::read(dir.file("a-file")) == "x");

    CHECK(testing::run_cli({"build", kSample}).exit_code == 2);  // no -o
    CHECK(testing::run_cli({"build", kSample, "-o", dir.path(), "--format", "rtf"}).exit_code == 2);
}

TEST_CASE("build into a folder without write permission fails cleanly", "[cli][atomic]") {
    if (::geteuid() == 0) {
        // root ignores permissions; a read-only location still fails the same way
        auto r = testing::run_cli({"build", kSample, "-o", "/proc/protopub-out"});
        CHECK(r.exit_code == 2);
        return;
    }
    testing::TempDir dir;
    fs::create_directory(dir.file("ro"));
    fs::permissions(dir.file("ro"), fs::perms::owner_read | fs::perms::owner_exec);
    auto r = testing::run_cli({"build", kSample, "-o", dir.file("ro")});
    CHECK(r.exit_code == 2);
    CHECK(fs::is_empty(dir.file("ro")));
}
