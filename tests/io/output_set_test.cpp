// Regression (hardening): a failed OutputSet::commit leaves the output folder as it was.
#include <catch2/catch.hpp>

#include <filesystem>

#include "io/files.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

TEST_CASE("a folder where a page goes stops the commit before anything is replaced", "[io][atomic]") {
    testing::TempDir dir;
    testing::write(dir.file("index.html"), "old index");
    fs::create_directories(dir.file("page.html/keep"));

    protopub::io::OutputSet out;
    out.add("index.html", "new index");
    out.add("a.css", "new stylesheet");
    out.add("page.html", "new page");
    std::string error;
    CHECK_FALSE(out.commit(dir.path(), error));
    CHECK(error == "cannot write '" + dir.file("page.html") + "': it is a directory");
    CHECK(testing::read(dir.file("index.html")) == "old index");
    CHECK_FALSE(fs::exists(dir.file("a.css")));
    // no staging folder left behind either
    std::size_t entries = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.path())) ++entries;
    CHECK(entries == 2);
}
