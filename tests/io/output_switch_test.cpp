// Issue 18, item 6: an output folder is switched from the old set to the new one in one
// step. A build killed (SIGKILL: nothing can clean up) at any moment leaves the complete old
// set or the complete new set, never a new page beside an index that does not list it, and
// the files a user keeps in the folder stay.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include "io/files.hpp"
#include "support.hpp"

namespace fs = std::filesystem;

namespace {
using FileSet = std::map<std::string, std::string>;

// Every file under `dir` (relative name -> bytes).
FileSet files_under(const std::string& dir) {
    FileSet set;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) set[fs::relative(e.path(), dir).string()] = testing::read(e.path().string());
    return set;
}

std::size_t entries(const std::string& dir) {
    std::size_t n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}

// A protocol of `sections` sections of 30 clauses; `edition` changes its words.
std::string protocol(const std::string& title, int sections, int edition) {
    std::string text = "---\ntitle: " + title + "\ncouncil: Test Borough Council\nversion: \"" +
                       std::to_string(edition) + "\"\nstatus: adopted\nadopted: 2024-01-0" + std::to_string(edition) +
                       "\n---\n\n";
    for (int s = 1; s <= sections; ++s) {
        text += "## " + std::to_string(s) + ". Section\n\n";
        for (int c = 1; c <= 30; ++c)
            text += std::to_string(s) + "." + std::to_string(c) + " Councillors and officers work together (edition " +
                    std::to_string(edition) + "); see paragraph 1.1.\n\n";
    }
    return text;
}

pid_t start_build(const std::string& sources, const std::string& out) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const std::string cli = test_env::cli_path(), templates = test_env::source_dir() + "/templates";
        const int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, 1);
        ::dup2(devnull, 2);
        ::execl(cli.c_str(), cli.c_str(), "build", sources.c_str(), "-o", out.c_str(), "--format", "html,docx",
                "--templates", templates.c_str(), "--quiet", nullptr);
        ::_exit(127);
    }
    return pid;
}
}  // namespace

TEST_CASE("SIGKILL at any moment of a build leaves the whole old set or the whole new set",
          "[io][atomic][cli][signals]") {
    testing::TempDir dir;
    // Two editions of a folder of protocols; the second adds a protocol, so its index lists
    // a page the first does not have.
    for (int edition : {1, 2}) {
        const std::string folder = dir.file("edition" + std::to_string(edition));
        fs::create_directories(folder);
        for (int p = 1; p <= 3 + edition; ++p)
            testing::write(folder + "/protocol-" + std::to_string(p) + ".md",
                           protocol("Protocol " + std::to_string(p), 15, edition));
    }
    // The complete sets, each built alone, and how long a build takes here.
    FileSet sets[2];
    auto whole = std::chrono::steady_clock::duration::zero();
    for (int k : {0, 1}) {
        const std::string ref = dir.file("reference" + std::to_string(k));
        const auto start = std::chrono::steady_clock::now();
        int status = 0;
        ::waitpid(start_build(dir.file("edition" + std::to_string(k + 1)), ref), &status, 0);
        whole = std::max(whole, std::chrono::steady_clock::now() - start);
        REQUIRE(WIFEXITED(status));
        REQUIRE(WEXITSTATUS(status) == 0);
        sets[k] = files_under(ref);
    }
    REQUIRE(sets[0] != sets[1]);

    const std::string site = dir.file("site"), out = site + "/out";
    fs::create_directories(out + "/mine");
    testing::write(out + "/mine/notes.txt", "a file of the user's own");
    int status = 0;
    ::waitpid(start_build(dir.file("edition1"), out), &status, 0);
    // What the folder holds: the user's file and what builds wrote (a page of edition 2
    // stays when edition 1 is built over it: the folder keeps what a run does not write).
    FileSet current = sets[0];
    current["mine/notes.txt"] = "a file of the user's own";
    REQUIRE(files_under(out) == current);
    const std::size_t quiet_site = entries(site);

    std::mt19937 random(18);
    int now = 0, killed_mid_build = 0, switched = 0;
    for (int run = 0; run < 40; ++run) {
        const int next = 1 - now;
        const std::size_t quiet_out = entries(out);
        const pid_t pid = start_build(dir.file("edition" + std::to_string(next + 1)), out);
        if (run % 4 == 3) {
            // left to finish: whatever the machine's load, some runs must switch
        } else if (run % 2 == 0) {
            // anywhere in the build
            std::this_thread::sleep_for(whole * std::uniform_int_distribution<int>(0, 120)(random) / 100);
        } else {
            // near the switch: as soon as the run stages its set, beside the folder or in it
            const auto give_up = std::chrono::steady_clock::now() + whole * 3;
            while (entries(site) == quiet_site && entries(out) == quiet_out &&
                   std::chrono::steady_clock::now() < give_up)
                std::this_thread::yield();
            std::this_thread::sleep_for(
                std::chrono::microseconds(std::uniform_int_distribution<int>(0, 20000)(random)));
        }
        if (run % 4 != 3) ::kill(pid, SIGKILL);
        ::waitpid(pid, &status, 0);
        if (WIFSIGNALED(status)) ++killed_mid_build;
        FileSet after = current;
        for (const auto& [name, bytes] : sets[next]) after[name] = bytes;
        const FileSet found = files_under(out);
        INFO("run " << run << ": " << found.size() << " files; old set " << current.size() << ", new set "
                    << after.size());
        const bool old_set = found == current, new_set = found == after;
        CHECK((old_set || new_set));
        if (new_set) now = next, ++switched, current = after;
        if (!old_set && !new_set) break;
    }
    // Some runs must have been cut short, and some must have finished, for the test to mean anything.
    CHECK(killed_mid_build > 0);
    CHECK(switched > 0);
    // What the killed runs left beside the folder goes with the next run.
    ::waitpid(start_build(dir.file("edition1"), out), &status, 0);
    for (const auto& [name, bytes] : sets[0]) current[name] = bytes;
    CHECK(files_under(out) == current);
    CHECK(entries(site) == quiet_site);
}

TEST_CASE("the output folder keeps a user's files, its mode, and its link", "[io][atomic]") {
    testing::TempDir dir;
    const std::string out = dir.file("real");
    fs::create_directories(out + "/assets/mine");
    testing::write(out + "/index.html", "old index");
    testing::write(out + "/stale.html", "a page an earlier run wrote");
    testing::write(out + "/assets/mine/logo.svg", "<svg/>");
    fs::create_symlink("index.html", out + "/home.html");
    ::chmod(out.c_str(), 0750);
    fs::create_symlink("real", dir.file("link"));

    protopub::io::OutputSet set;
    set.add("index.html", "new index");
    set.add("assets/site.css", "css");
    std::string error;
    REQUIRE(set.commit(dir.file("link"), error));
    CHECK(set.note().empty());
    CHECK(fs::is_symlink(dir.file("link")));
    CHECK(testing::read(out + "/index.html") == "new index");
    CHECK(testing::read(out + "/assets/site.css") == "css");
    CHECK(testing::read(out + "/stale.html") == "a page an earlier run wrote");
    CHECK(testing::read(out + "/assets/mine/logo.svg") == "<svg/>");
    CHECK(fs::is_symlink(out + "/home.html"));
    struct stat st {};
    REQUIRE(::stat(out.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0750);
    CHECK(entries(dir.path()) == 2);  // nothing left beside it

    // A target that cannot be replaced stops the commit before anything changes.
    testing::write(out + "/page", "a file where a folder goes");
    protopub::io::OutputSet blocked;
    blocked.add("index.html", "newer index");
    blocked.add("page/one.html", "one");
    CHECK_FALSE(blocked.commit(out, error));
    CHECK(error.find("is a file, not a folder") != std::string::npos);
    CHECK(testing::read(out + "/index.html") == "new index");
    CHECK(entries(dir.path()) == 2);
}

TEST_CASE("where the folder cannot be switched whole, it is switched file by file and says why", "[io][atomic]") {
    testing::TempDir dir;
    const std::string out = dir.file("out");
    fs::create_directories(out);
    testing::write(out + "/mine.txt", "mine");
    const fs::path was = fs::current_path();
    fs::current_path(out);  // the working folder cannot be exchanged under a shell
    protopub::io::OutputSet set;
    set.add("index.html", "index");
    std::string error;
    const bool ok = set.commit(out, error);
    fs::current_path(was);
    REQUIRE(ok);
    CHECK(set.note() == "output folder '" + out +
                            "' switched file by file, as it is the working folder or holds it: an interrupted run "
                            "(SIGKILL, power loss) may leave old and new files side by side");
    CHECK(testing::read(out + "/index.html") == "index");
    CHECK(testing::read(out + "/mine.txt") == "mine");
    CHECK(entries(out) == 2);
}

TEST_CASE("two builds into one folder at once: each keeps what the other wrote", "[io][atomic][cli]") {
    testing::TempDir dir;
    for (int edition : {1, 2}) {
        fs::create_directories(dir.file("edition" + std::to_string(edition)));
        for (int p = 1; p <= 3; ++p)
            testing::write(dir.file("edition" + std::to_string(edition) + "/protocol-" + std::to_string(p) + ".md"),
                           protocol("Protocol " + std::to_string(p), 10, edition));
    }
    fs::create_directories(dir.file("others"));
    for (int p = 1; p <= 3; ++p)
        testing::write(dir.file("others/other-" + std::to_string(p) + ".md"),
                       protocol("Other " + std::to_string(p), 10, 1));
    int status = 0;
    ::waitpid(start_build(dir.file("edition2"), dir.file("expected")), &status, 0);
    const FileSet edition2 = files_under(dir.file("expected"));
    for (int round = 0; round < 4; ++round) {
        INFO("round " << round);
        const std::string out = dir.file("out" + std::to_string(round));
        ::waitpid(start_build(dir.file("edition1"), out), &status, 0);
        // edition 2 and the other protocols, at the same time
        const pid_t a = start_build(dir.file("edition2"), out), b = start_build(dir.file("others"), out);
        ::waitpid(a, &status, 0);
        CHECK(WEXITSTATUS(status) == 0);
        ::waitpid(b, &status, 0);
        CHECK(WEXITSTATUS(status) == 0);
        const FileSet found = files_under(out);
        for (const auto& [name, bytes] : edition2)
            if (name.rfind("protocol-", 0) == 0) CHECK(found.at(name) == bytes);
        for (int p = 1; p <= 3; ++p) CHECK(found.count("other-" + std::to_string(p) + ".html") == 1);
    }
}
