// Reading a version from git (FILE@REV): revisions that hold '@' themselves, and the size
// limit applied before a blob is read.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>

#include "io/git.hpp"
#include "support.hpp"

using namespace protopub;

namespace {
// A repository in `dir` with x.md committed twice (HEAD~1 and HEAD) and a 17 MiB big.md.
void make_repo(const std::string& dir) {
    testing::write(dir + "/x.md", "first\n");
    const std::string git = "cd '" + dir + "' && git -c user.name=t -c user.email=t@t ";
    REQUIRE(std::system(("cd '" + dir + "' && git init -q .").c_str()) == 0);
    REQUIRE(std::system((git + "add x.md && " + git + "commit -qm one").c_str()) == 0);
    testing::write(dir + "/x.md", "second\n");
    testing::write(dir + "/big.md", std::string((17u << 20), 'a'));
    REQUIRE(std::system((git + "add x.md big.md && " + git + "commit -qm two").c_str()) == 0);
}
}  // namespace

TEST_CASE("git: the file ends at the first '@' that leaves a file, revisions keep their '@'", "[io][git]") {
    testing::TempDir tmp;
    make_repo(tmp.path());
    const std::string x = tmp.file("x.md");
    for (const std::string rev : {"HEAD", "HEAD@{1}", "@{0}", "@", "HEAD~1"}) {
        INFO(rev);
        auto spec = io::parse_git_spec(x + "@" + rev);
        REQUIRE(spec);
        CHECK(spec->path == x);
        CHECK(spec->revision == rev);
    }
    // a file whose name holds '@' is still found
    testing::write(tmp.file("a@b.md"), "x\n");
    auto spec = io::parse_git_spec(tmp.file("a@b.md") + "@HEAD@{1}");
    REQUIRE(spec);
    CHECK(spec->path == tmp.file("a@b.md"));
    CHECK(spec->revision == "HEAD@{1}");
    // and reading through a revision with '@' works
    std::string error;
    auto text = io::read_git_file(*io::parse_git_spec(x + "@HEAD@{0}"), error);
    INFO(error);
    REQUIRE(text);
    CHECK(*text == "second\n");
}

TEST_CASE("git: a blob over the limit is refused before it is read, as a file is (exit 2)", "[io][git]") {
    testing::TempDir tmp;
    make_repo(tmp.path());
    std::string error;
    CHECK_FALSE(io::read_git_file({tmp.file("big.md"), "HEAD"}, error, std::uintmax_t(16) << 20));
    CHECK(error.find("is 17 MiB, over the limit of 16 MiB") != std::string::npos);
    const auto r =
        testing::run_cli({"diff", tmp.file("x.md") + "@HEAD~1", tmp.file("big.md") + "@HEAD", "-o", tmp.file("out")});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("over the limit of 16 MiB") != std::string::npos);
}
