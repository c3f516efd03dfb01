// The bad-input corpus (tests/bad-input/cases/*/expect, format in docs/hardening.md):
// every case is run against every command that reads its kind of file, and each run
// must give the expected exit code and diagnostic, finish within the time limit, stay
// within the memory limit, never crash, leave no partial output and never touch a source.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <thread>

#include "bad-input/generators.hpp"
#include "support.hpp"
#include "valid_output.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kCases = test_env::source_dir() + "/tests/bad-input/cases";
const std::string kSample = test_env::source_dir() + "/tests/data/sample.md";

// Sanitizer builds run several times slower; the limits scale with them.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kSlowdown = 4;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int kSlowdown = 4;
#else
constexpr int kSlowdown = 1;
#endif
#else
constexpr int kSlowdown = 1;
#endif

// Every command that reads a source, with {in} for the source; outputs go to out/ (or
// renumbered.md). A new command that reads sources gets a row here, and every source
// case runs against it. constitution.yaml is written for each case (see run_case).
const std::vector<std::pair<std::string, std::vector<std::string>>> kSourceCommands = {
    {"check", {"check", "{in}"}},
    {"build", {"build", "{in}", "-o", "out", "--format", "html,pdf,docx"}},
    {"refs", {"refs", "{in}"}},
    {"renumber", {"renumber", "{in}", "-o", "renumbered.md"}},
    {"diff", {"diff", "sample.md", "{in}", "-o", "out", "--format", "html,pdf,docx,json,csv"}},
    {"compare", {"compare", "{in}", "sample.md", "-o", "out", "--format", "html,pdf,csv,json"}},
    {"constitution", {"constitution", "constitution.yaml", "-o", "out", "--format", "html,pdf,docx,akn"}},
};

struct Case {
    std::string name;
    std::string input = "input.md";
    std::string generate;                        // a generator from generators.hpp instead of a file
    std::vector<std::vector<std::string>> runs;  // explicit commands; default: kSourceCommands
    int exit_code = -1;
    std::map<std::string, int> exit_for;  // "exit renumber: 0": one command differs
    std::vector<std::string> stderr_has;  // checked on runs that give `exit_code`
    std::string absent;                   // must not appear in any file the run writes
    std::string setup;                    // "unwritable out", "default templates"
    std::string remove;                   // a file taken away after the setup
    double seconds = 5;                   // time limit per run (before kSlowdown)
    long max_rss_mb = 512;                // memory limit per run
};

std::vector<std::string> split_words(const std::string& s) {
    std::istringstream in(s);
    std::vector<std::string> words;
    for (std::string w; in >> w;) words.push_back(w);
    return words;
}

Case parse_case(const fs::path& dir) {
    Case c;
    c.name = dir.filename().string();
    std::ifstream in(dir / "expect");
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        const auto colon = line.find(':');
        REQUIRE(colon != std::string::npos);
        const std::string key = line.substr(0, colon);
        std::string value = line.substr(colon + 1);
        value.erase(0, value.find_first_not_of(' '));
        if (key == "input")
            c.input = value;
        else if (key == "generate")
            c.generate = value;
        else if (key == "run")
            c.runs.push_back(split_words(value));
        else if (key == "exit")
            c.exit_code = std::stoi(value);
        else if (key.rfind("exit ", 0) == 0)
            c.exit_for[key.substr(5)] = std::stoi(value);
        else if (key == "stderr")
            c.stderr_has.push_back(value);
        else if (key == "absent")
            c.absent = value;
        else if (key == "setup")
            c.setup = value;
        else if (key == "remove")
            c.remove = value;
        else if (key == "seconds")
            c.seconds = std::stod(value);
        else if (key == "max_rss_mb")
            c.max_rss_mb = std::stol(value);
        else
            FAIL("unknown key '" << key << "' in " << (dir / "expect").string());
    }
    REQUIRE(c.exit_code >= 0);
    return c;
}

// Every regular file under `dir` (but not under out/) with its bytes.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
    std::map<std::string, std::string> files;
    for (auto it = fs::recursive_directory_iterator(dir); it != fs::recursive_directory_iterator(); ++it) {
        if (it->is_regular_file()) files[fs::relative(it->path(), dir).string()] = testing::read(it->path().string());
    }
    return files;
}

std::size_t count_files(const fs::path& dir) {
    std::error_code ec;
    std::size_t n = 0;
    if (!fs::is_directory(dir, ec)) return 0;
    for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); ++it)
        if (!it->is_directory()) ++n;
    return n;
}

struct Outcome {
    int exit_code = -1;
    std::map<std::string, int> exit_for;  // "exit renumber: 0": one command differs
    bool signalled = false;
    bool timed_out = false;
    double seconds = 0;
    long max_rss_mb = 0;
    std::string err;
};

// Runs the CLI in `cwd` with its own time limit, measuring its peak memory (wait4).
Outcome run_in(const fs::path& cwd, const std::vector<std::string>& args, double limit, bool drop_privileges) {
    const fs::path err_file = cwd / ".stderr";
    const auto start = std::chrono::steady_clock::now();
    pid_t pid = ::fork();
    if (pid == 0) {
        if (::chdir(cwd.c_str()) != 0) ::_exit(126);
        int fd = ::open(err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0666);
        ::dup2(fd, 2);
        int devnull = ::open("/dev/null", O_RDWR);
        ::dup2(devnull, 0);
        ::dup2(devnull, 1);
        if (drop_privileges && (::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(126);
        std::vector<char*> argv;
        std::string cli = test_env::cli_path();
        argv.push_back(cli.data());
        std::vector<std::string> copy = args;
        for (auto& a : copy) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(cli.c_str(), argv.data());
        ::_exit(127);
    }
    Outcome o;
    int status = 0;
    struct rusage usage {};
    for (;;) {
        pid_t done = ::wait4(pid, &status, WNOHANG, &usage);
        if (done == pid) break;
        o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (o.seconds > limit * 3 && !o.timed_out) {
            o.timed_out = true;
            ::kill(pid, SIGKILL);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    o.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    o.signalled = WIFSIGNALED(status);
    o.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    o.max_rss_mb = usage.ru_maxrss / 1024;
    o.err = testing::read(err_file.string());
    fs::remove(err_file);
    return o;
}

std::vector<std::string> expand(const std::vector<std::string>& words, const std::string& input) {
    std::vector<std::string> out;
    for (const auto& w : words) out.push_back(w == "{in}" ? input : w == "{sample}" ? "sample.md" : w);
    return out;
}

void run_case(const Case& c) {
    testing::TempDir tmp;
    const fs::path work = tmp.path();
    fs::copy(fs::path(kCases) / c.name, work, fs::copy_options::recursive);
    fs::remove(work / "expect");
    fs::copy_file(kSample, work / "sample.md", fs::copy_options::overwrite_existing);
    if (!c.generate.empty()) bad_input::generate(c.generate, (work / c.input).string());
    if (c.runs.empty())
        testing::write((work / "constitution.yaml").string(),
                       "title: Constitution\ncouncil: Test Council\nversion: \"1\"\nadopted: 2024-05-01\nparts:\n"
                       "  - part: 5\n    title: Codes and Protocols\n    sections:\n      - section: 24\n"
                       "        numbering: as-written\n        source: " +
                           c.input + "\n");

    if (c.setup == "default templates")  // the case holds only the template it changes
        fs::copy(test_env::source_dir() + "/templates", work / "templates",
                 fs::copy_options::recursive | fs::copy_options::skip_existing);
    if (!c.remove.empty()) REQUIRE(fs::remove(work / c.remove));
    const bool unwritable = c.setup == "unwritable out";
    // root ignores permissions: the case runs as nobody instead.
    const bool drop = unwritable && ::geteuid() == 0;
    if (unwritable) {
        fs::create_directory(work / "out");
        fs::permissions(work / "out", fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                          fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    }
    if (drop) fs::permissions(work, fs::perms::all);

    std::vector<std::pair<std::string, std::vector<std::string>>> runs;
    if (c.runs.empty()) runs = kSourceCommands;
    for (const auto& r : c.runs) runs.emplace_back(r.front(), r);

    const auto before = snapshot(work);
    const std::size_t out_files_before = count_files(work / "out");
    for (const auto& [label, words] : runs) {
        const auto args = expand(words, c.input);
        INFO("case " << c.name << ", command: " << label);
        const Outcome o = run_in(work, args, c.seconds * kSlowdown, drop);
        INFO("stderr:\n" << o.err.substr(0, 2000));
        CHECK_FALSE(o.timed_out);
        CHECK_FALSE(o.signalled);
        CHECK(o.err.find("internal error") == std::string::npos);
        CHECK(o.err.find("Sanitizer") == std::string::npos);
        CHECK(o.err.find("runtime error") == std::string::npos);
        const auto other = c.exit_for.find(label);
        const int expected_exit = other != c.exit_for.end() ? other->second : c.exit_code;
        CHECK(o.exit_code == expected_exit);
        CHECK(o.seconds < c.seconds * kSlowdown);
        if (kSlowdown == 1) CHECK(o.max_rss_mb < c.max_rss_mb);
        if (expected_exit == c.exit_code)
            for (const auto& expected : c.stderr_has) CHECK(o.err.find(expected) != std::string::npos);
        // The sources (and everything else that was there) are exactly as they were.
        auto after = snapshot(work);
        if (!c.absent.empty())
            for (const auto& [name, bytes] : after)
                if (!before.count(name)) CHECK(bytes.find(c.absent) == std::string::npos);
        if (o.exit_code != 0) {
            CHECK(count_files(work / "out") == out_files_before);
            CHECK(after == before);
        } else {
            // What the run wrote is valid for other programs (libxml2, UTF-8), then removed,
            // so the next command starts from the same files.
            for (const auto& [name, bytes] : after) {
                if (before.count(name)) {
                    CHECK(bytes == before.at(name));
                } else {
                    CHECK(valid_output::file_problem(name, bytes) == "");
                    fs::remove(work / name);
                }
            }
            if (out_files_before == 0) fs::remove_all(work / "out");
        }
    }
}

}  // namespace

namespace {
// The corpus runs in four shards so that ctest can run them side by side.
void run_shard(int shard) {
    std::vector<fs::path> dirs;
    for (const auto& e : fs::directory_iterator(kCases))
        if (e.is_directory()) dirs.push_back(e.path());
    std::sort(dirs.begin(), dirs.end());
    CHECK(dirs.size() >= 50);
    for (std::size_t i = static_cast<std::size_t>(shard); i < dirs.size(); i += 4) {
        DYNAMIC_SECTION(dirs[i].filename().string()) { run_case(parse_case(dirs[i])); }
    }
}
}  // namespace

TEST_CASE("bad-input corpus, shard 1 of 4: every case against every command that reads files", "[bad-input]") {
    run_shard(0);
}
TEST_CASE("bad-input corpus, shard 2 of 4: every case against every command that reads files", "[bad-input]") {
    run_shard(1);
}
TEST_CASE("bad-input corpus, shard 3 of 4: every case against every command that reads files", "[bad-input]") {
    run_shard(2);
}
TEST_CASE("bad-input corpus, shard 4 of 4: every case against every command that reads files", "[bad-input]") {
    run_shard(3);
}
