// protopub installed as a council's IT team would: `cmake --install` to a prefix, then the
// installed binary run from an unrelated folder, with no path of the checkout or of the
// build tree in reach, publishing every format.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>

#include "support.hpp"

namespace fs = std::filesystem;

namespace {

std::string quote(const std::string& s) { return "'" + s + "'"; }

// Runs `command` in `dir` with a clean environment: no PROTOPUB_DATA_DIR, no PATH into the build.
// Only the sanitizers' options pass through, so a sanitizer build is judged as its suite is
// (with the suppressions for fontconfig's lifetime cache).
int run_in(const std::string& dir, const std::string& command, const std::string& log) {
    std::string sanitizers;
    for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"})
        if (const char* value = std::getenv(name)) sanitizers += std::string(name) + "=" + quote(value) + " ";
    const std::string line = "cd " + quote(dir) + " && env -i HOME=" + quote(dir) + " PATH=/usr/bin:/bin " +
                             sanitizers + command + " >" + quote(log) + " 2>&1";
    const int status = std::system(line.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

}  // namespace

TEST_CASE("the installed binary publishes every format from an unrelated folder", "[install]") {
    testing::TempDir prefix, work;
    const std::string install = quote(test_env::cmake_command()) + " --install " + quote(test_env::build_dir()) +
                                " --prefix " + quote(prefix.path()) + " >" + quote(work.file("install.log")) + " 2>&1";
    INFO(testing::read(work.file("install.log")));
    REQUIRE(std::system(install.c_str()) == 0);
    const std::string bin = prefix.file("bin/protopub");
    REQUIRE(fs::exists(bin));
    for (const char* installed :
         {"share/protopub/layout.xhtml", "share/protopub/reference.docx", "share/protopub/pdf/style.yaml",
          "share/man/man1/protopub.1.gz", "share/bash-completion/completions/protopub", "share/doc/protopub/README.md"})
        CHECK(fs::exists(prefix.file(installed)));
    CHECK_FALSE(fs::exists(prefix.file("bin/protopub-data")));  // no link back into the checkout

    // The sources travel to the council's own folder; nothing refers to the checkout.
    const std::string data = test_env::source_dir() + "/tests/data";
    fs::copy_file(data + "/sample.md", work.file("sample.md"));
    fs::create_directories(work.file("constitution"));
    fs::copy(data + "/constitution", work.file("constitution"));
    std::string newer = testing::read(work.file("sample.md"));
    newer.replace(newer.find("guide Councillors"), 5, "help");
    testing::write(work.file("newer.md"), newer);

    const std::string log = work.file("run.log");
    auto ok = [&](const std::string& args) {
        INFO(args);
        const int code = run_in(work.path(), quote(bin) + " " + args, log);
        INFO(testing::read(log));
        CHECK(code == 0);
    };
    ok("build sample.md -o site --format html,pdf,docx,akn --quiet");
    for (const char* f : {"site/index.html", "site/sample.html", "site/sample.pdf", "site/sample.docx",
                          "site/sample.akn.xml", "site/protopub.css"})
        CHECK(fs::exists(work.file(f)));
    ok("constitution constitution/constitution.yaml -o constitution-out --format html,pdf,docx,akn --quiet "
       "--allow-sources-outside");
    ok("diff sample.md newer.md -o redline --quiet");
    CHECK(fs::exists(work.file("redline/redline.docx")));
    ok("compare sample.md newer.md -o comparison --format html,pdf,docx,csv,json --quiet");
    CHECK(fs::exists(work.file("comparison/comparison.docx")));

    // The data came from the prefix: without it the installed binary has no templates.
    fs::rename(prefix.file("share/protopub"), prefix.file("share/protopub-away"));
    CHECK(run_in(work.path(), quote(bin) + " build sample.md -o again", log) == 2);
    CHECK_FALSE(fs::exists(work.file("again")));
    // ... unless it is named on the command line or in the environment.
    ok("build sample.md -o named --format html,docx --templates " + quote(prefix.file("share/protopub-away")));
    CHECK(run_in(work.path(),
                 "PROTOPUB_DATA_DIR=" + quote(prefix.file("share/protopub-away")) + " " + quote(bin) +
                     " build sample.md -o by-env --format html,docx",
                 log) == 0);
}
