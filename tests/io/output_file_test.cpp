// Writing outputs as an editor does: only regular files are replaced, never the input;
// in place, the mode, owner, symbolic link and hard links stay; write errors on standard
// output are exit 2; what a killed run left behind is removed by the next one, and an
// interrupted run leaves nothing behind.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "io/files.hpp"
#include "support.hpp"

namespace fs = std::filesystem;
using protopub::io::write_file_atomic;

namespace {
struct stat stat_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st;
}

// The pid of a process that has just ended (so no process has it, for now).
pid_t dead_pid() {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return pid;
}

std::vector<std::string> leftovers(const std::string& dir) {
    std::vector<std::string> found;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (name.find(".protopub-stage-") != std::string::npos || name.find(".tmp-") != std::string::npos)
            found.push_back(name);
    }
    return found;
}
}  // namespace

TEST_CASE("write_file_atomic replaces only regular files", "[io][atomic]") {
    testing::TempDir dir;
    REQUIRE(::mkfifo(dir.file("pipe").c_str(), 0644) == 0);
    std::string error;
    CHECK_FALSE(write_file_atomic(dir.file("pipe"), "x", error));
    CHECK(error == "cannot write '" + dir.file("pipe") + "': it is a FIFO (named pipe), not a regular file");
    CHECK(fs::is_fifo(dir.file("pipe")));
    fs::create_directory(dir.file("folder"));
    CHECK_FALSE(write_file_atomic(dir.file("folder"), "x", error));
    CHECK(error == "cannot write '" + dir.file("folder") + "': it is a directory");
    // a symbolic link to a device is refused too, and the device left alone
    fs::create_symlink("/dev/null", dir.file("null-link"));
    CHECK_FALSE(write_file_atomic(dir.file("null-link"), "x", error));
    CHECK(error.find("it is a character device, not a regular file") != std::string::npos);
    CHECK(fs::is_character_file("/dev/null"));
    CHECK(leftovers(dir.path()).empty());
}

TEST_CASE("write_file_atomic keeps the mode, owner, symbolic link and hard links", "[io][atomic]") {
    testing::TempDir dir;
    const std::string real = dir.file("real.md"), link = dir.file("link.md"), hard = dir.file("hard.md");
    testing::write(real, "old\n");
    ::chmod(real.c_str(), 0600);
    const bool root = ::geteuid() == 0;
    if (root) REQUIRE(::chown(real.c_str(), 65534, 65534) == 0);
    fs::create_symlink("real.md", link);
    std::string error;
    REQUIRE(write_file_atomic(link, "new\n", error));
    CHECK(fs::is_symlink(link));
    CHECK(testing::read(real) == "new\n");
    CHECK((stat_of(real).st_mode & 07777) == 0600);
    if (root) CHECK(stat_of(real).st_uid == 65534);
    if (root) CHECK(stat_of(real).st_gid == 65534);

    fs::create_hard_link(real, hard);
    const ino_t inode = stat_of(real).st_ino;
    REQUIRE(write_file_atomic(real, "newer, and longer than before\n", error));
    CHECK(stat_of(real).st_ino == inode);
    CHECK(stat_of(hard).st_nlink == 2);
    CHECK(testing::read(hard) == "newer, and longer than before\n");
    REQUIRE(write_file_atomic(hard, "short\n", error));
    CHECK(testing::read(real) == "short\n");
    CHECK((stat_of(real).st_mode & 07777) == 0600);
    CHECK(leftovers(dir.path()).empty());
}

TEST_CASE("renumber and import refuse to write over their input", "[io][atomic][cli]") {
    testing::TempDir dir;
    const std::string src = dir.file("x.md");
    fs::copy_file(test_env::source_dir() + "/tests/data/sample.md", src);
    const std::string before = testing::read(src);
    auto r = testing::run_cli({"renumber", src, "-o", src});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("is the input; use --in-place") != std::string::npos);
    testing::write(dir.file("a.txt"), "PROTOCOL\n\n1. Introduction\n\n1.1 Words of the clause.\n");
    r = testing::run_cli({"import", dir.file("a.txt"), "-o", dir.file("a.txt"), "--council", "Test"});
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("is the input") != std::string::npos);
    CHECK(testing::read(dir.file("a.txt")) == "PROTOCOL\n\n1. Introduction\n\n1.1 Words of the clause.\n");
    CHECK(testing::read(src) == before);
}

TEST_CASE("a write error on standard output is exit 2", "[io][cli]") {
    const std::string sample = test_env::source_dir() + "/tests/data/sample.md";
    for (const std::string command : {"refs --json", "refs", "renumber", "check"}) {
        INFO(command);
        const std::string line =
            "'" + test_env::cli_path() + "' " + command + " '" + sample + "' > /dev/full 2>/dev/null";
        const int status = std::system(line.c_str());
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 2);
    }
}

TEST_CASE("what a killed run left is removed by the next, a live run's is not", "[io][atomic]") {
    testing::TempDir dir;
    const pid_t dead = dead_pid();
    const std::string stale = dir.file("out/.protopub-stage-" + std::to_string(dead) + "-abcdef");
    const std::string live = dir.file("out/.protopub-stage-" + std::to_string(::getppid()) + "-abcdef");
    fs::create_directories(stale + "/sub");
    testing::write(stale + "/sub/page.html", "half a site");
    fs::create_directories(live);
    const std::string stale_tmp = dir.file("x.md.tmp-" + std::to_string(dead) + "-qwerty");
    testing::write(stale_tmp, "half a file");

    protopub::io::OutputSet out;
    out.add("index.html", "index");
    std::string error;
    REQUIRE(out.commit(dir.file("out"), error));
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(live));
    REQUIRE(write_file_atomic(dir.file("x.md"), "text", error));
    CHECK_FALSE(fs::exists(stale_tmp));
}

TEST_CASE("SIGTERM or SIGINT at any moment of a build leaves no stage folder", "[io][atomic][cli][signals]") {
    testing::TempDir dir;
    std::string text = testing::read(test_env::source_dir() + "/tests/data/sample.md");
    text = text.substr(0, text.find("## 1."));
    for (int s = 1; s <= 60; ++s) {
        text += "## " + std::to_string(s) + ". Section\n\n";
        for (int c = 1; c <= 30; ++c)
            text += std::to_string(s) + "." + std::to_string(c) +
                    " Councillors and officers work together, clause after clause.\n\n";
    }
    testing::write(dir.file("big.md"), text);
    // How long one build takes here, then signals spread over that time.
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(testing::run_cli({"build", dir.file("big.md"), "-o", dir.file("out"), "--format", "html,docx", "--quiet"})
                .exit_code == 0);
    const auto whole = std::chrono::steady_clock::now() - start;
    for (int k = 1; k <= 8; ++k) {
        const pid_t pid = ::fork();
        if (pid == 0) {
            const std::string cli = test_env::cli_path(), in = dir.file("big.md"), out = dir.file("out");
            const int devnull = ::open("/dev/null", O_WRONLY);
            ::dup2(devnull, 1);
            ::dup2(devnull, 2);
            ::execl(cli.c_str(), cli.c_str(), "build", in.c_str(), "-o", out.c_str(), "--format", "html,docx", nullptr);
            ::_exit(127);
        }
        std::this_thread::sleep_for(whole * k / 8);
        ::kill(pid, k % 2 ? SIGTERM : SIGINT);
        int status = 0;
        ::waitpid(pid, &status, 0);
        INFO("signal after " << k << "/8 of a build");
        CHECK(leftovers(dir.path()).empty());
        CHECK(fs::exists(dir.file("out/index.html")));
    }
}
