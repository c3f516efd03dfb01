#include "io/git.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

extern char** environ;

namespace fs = std::filesystem;

namespace protopub::io {

namespace {

struct Captured {
    std::string out, err;
    int status = -1;
};

// Runs argv[0] (found on PATH) with its standard output and error captured.
std::optional<Captured> run_captured(const std::vector<std::string>& args, std::string& error) {
    int out_pipe[2], err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
        error = std::strerror(errno);
        return std::nullopt;
    }
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
        error = std::strerror(errno);
        ::close(out_pipe[0]), ::close(out_pipe[1]);
        return std::nullopt;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (spawned != 0) {
        ::close(out_pipe[0]), ::close(err_pipe[0]);
        error = "cannot run " + args[0] + ": " + std::strerror(spawned);
        return std::nullopt;
    }
    // Both pipes are drained together so neither can fill up and stall git.
    Captured result;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_fds = 2;
    char buf[65536];
    while (open_fds > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int k = 0; k < 2; ++k) {
            if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
            const ssize_t n = ::read(fds[k].fd, buf, sizeof buf);
            if (n > 0) {
                sinks[k]->append(buf, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                ::close(fds[k].fd);
                fds[k].fd = -1;
                --open_fds;
            }
        }
    }
    for (auto& f : fds)
        if (f.fd >= 0) ::close(f.fd);
    while (::waitpid(pid, &result.status, 0) < 0 && errno == EINTR) {}
    return result;
}

std::string first_line(const std::string& s) {
    std::string line = s.substr(0, s.find('\n'));
    return line.empty() ? "git failed" : line;
}

}  // namespace

std::optional<GitFile> parse_git_spec(const std::string& spec) {
    std::error_code ec;
    if (spec.find('@') == std::string::npos || fs::exists(spec, ec)) return std::nullopt;
    // Revisions hold '@' too ("HEAD@{1}", "@{u}"), file names rarely: the file ends at the
    // first '@' that leaves a file (or, for a file since deleted, a folder) that exists.
    std::size_t first = spec.find('@'), chosen = std::string::npos;
    for (std::size_t at = first; at != std::string::npos && chosen == std::string::npos; at = spec.find('@', at + 1)) {
        const fs::path file(spec.substr(0, at));
        if (at > 0 && fs::is_regular_file(file, ec)) chosen = at;
    }
    for (std::size_t at = first; at != std::string::npos && chosen == std::string::npos; at = spec.find('@', at + 1)) {
        const fs::path file(spec.substr(0, at));
        if (at > 0 && fs::is_directory(file.has_parent_path() ? file.parent_path() : ".", ec)) chosen = at;
    }
    const std::size_t at = chosen != std::string::npos ? chosen : first;
    return GitFile{spec.substr(0, at), spec.substr(at + 1)};
}

std::optional<std::string> read_git_file(const GitFile& file, std::string& error, std::uintmax_t limit) {
    const std::string where = "'" + file.path + "' at '" + file.revision + "'";
    if (file.path.empty() || file.revision.empty()) {
        error = "cannot read " + where + ": expected FILE@REVISION";
        return std::nullopt;
    }
    if (file.revision[0] == '-' || file.revision.find(':') != std::string::npos) {
        error = "cannot read " + where + ": not a git revision";
        return std::nullopt;
    }
    const fs::path path(file.path);
    const std::string folder = path.has_parent_path() ? path.parent_path().string() : ".";
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        error = "cannot read " + where + ": no such folder '" + folder + "'";
        return std::nullopt;
    }
    // The blob's size first: a 191 MB blob is refused before it is read, like a file.
    const std::string object = file.revision + ":./" + path.filename().string();
    std::string run_error;
    auto size = run_captured({"git", "-C", folder, "cat-file", "-s", object}, run_error);
    if (size && WIFEXITED(size->status) && WEXITSTATUS(size->status) == 0) {
        const std::uintmax_t bytes = std::strtoull(size->out.c_str(), nullptr, 10);
        if (bytes > limit) {
            error = where + " is " + std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB, over the limit of " +
                    std::to_string(limit >> 20) + " MiB";
            return std::nullopt;
        }
    }
    auto result = run_captured({"git", "-C", folder, "show", object}, run_error);
    if (!result) {
        error = "cannot read " + where + ": " + run_error;
        return std::nullopt;
    }
    if (!WIFEXITED(result->status) || WEXITSTATUS(result->status) != 0) {
        error = "cannot read " + where + ": " + first_line(result->err);
        return std::nullopt;
    }
    return std::move(result->out);
}

std::optional<std::vector<Commit>> file_commits(const std::string& path, std::string& error) {
    const fs::path file(path);
    const std::string folder = file.has_parent_path() ? file.parent_path().string() : ".";
    std::error_code ec;
    if (!fs::is_directory(folder, ec)) {
        error = "cannot read the history of '" + path + "': no such folder '" + folder + "'";
        return std::nullopt;
    }
    std::string run_error;
    // One line per commit: hash, date, and the tags pointing at it ("tag: v1, tag: v1.0").
    auto result = run_captured({"git", "-C", folder, "log", "--reverse", "--decorate-refs=refs/tags/",
                                "--format=%H%x09%cs%x09%D", "--", "./" + file.filename().string()},
                               run_error);
    if (!result) {
        error = "cannot read the history of '" + path + "': " + run_error;
        return std::nullopt;
    }
    if (!WIFEXITED(result->status) || WEXITSTATUS(result->status) != 0) {
        error = "cannot read the history of '" + path + "': " + first_line(result->err);
        return std::nullopt;
    }
    std::vector<Commit> commits;
    std::size_t pos = 0;
    while (pos < result->out.size()) {
        std::size_t nl = result->out.find('\n', pos);
        if (nl == std::string::npos) nl = result->out.size();
        const std::string line = result->out.substr(pos, nl - pos);
        pos = nl + 1;
        const auto tab1 = line.find('\t');
        const auto tab2 = tab1 == std::string::npos ? std::string::npos : line.find('\t', tab1 + 1);
        if (tab2 == std::string::npos) continue;
        Commit c{line.substr(0, tab1), line.substr(tab1 + 1, tab2 - tab1 - 1), {}};
        const std::string refs = line.substr(tab2 + 1);
        for (std::size_t at = refs.find("tag: "); at != std::string::npos; at = refs.find("tag: ", at)) {
            at += 5;
            const std::size_t end = refs.find(',', at);
            c.tags.push_back(refs.substr(at, end == std::string::npos ? std::string::npos : end - at));
        }
        commits.push_back(std::move(c));
    }
    return commits;
}

}  // namespace protopub::io
