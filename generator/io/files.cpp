#include "io/files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <csignal>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <vector>

namespace fs = std::filesystem;

namespace protopub::io {

std::string file_kind(unsigned mode) {
    return S_ISFIFO(mode) ? "a FIFO (named pipe)" : S_ISCHR(mode) ? "a character device" : S_ISBLK(mode) ? "a block device"
           : S_ISSOCK(mode) ? "a socket" : S_ISDIR(mode) ? "a directory" : S_ISLNK(mode) ? "a symbolic link" : "a regular file";
}

std::optional<std::string> read_file(const std::string& path, std::string& error, std::uintmax_t limit) {
    // O_NONBLOCK: opening a FIFO would otherwise wait for a writer forever.
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        error = "cannot open '" + path + "': " + std::strerror(errno);
        return std::nullopt;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        error = S_ISDIR(st.st_mode)   ? "'" + path + "' is a directory, not a file"
                : st.st_mode != 0     ? "'" + path + "' is " + file_kind(st.st_mode) + ", not a regular file"
                                      : "cannot read '" + path + "': " + std::strerror(errno);
        ::close(fd);
        return std::nullopt;
    }
    std::string data;
    if (static_cast<std::uintmax_t>(st.st_size) > limit) {
        error = "'" + path + "' is " + std::to_string((st.st_size + (1 << 20) - 1) >> 20) + " MiB, over the limit of " +
                std::to_string(limit >> 20) + " MiB";
        ::close(fd);
        return std::nullopt;
    }
    data.reserve(static_cast<std::size_t>(st.st_size));
    char buf[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            error = "cannot read '" + path + "': " + std::strerror(errno);
            ::close(fd);
            return std::nullopt;
        }
        if (n == 0) break;
        data.append(buf, static_cast<std::size_t>(n));
        if (data.size() > limit) {
            error = "'" + path + "' is over the limit of " + std::to_string(limit >> 20) + " MiB";
            ::close(fd);
            return std::nullopt;
        }
    }
    ::close(fd);
    return data;
}

namespace {
bool write_all(int fd, const std::string& bytes) {
    const char* p = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, p, left);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        p += n;
        left -= static_cast<std::size_t>(n);
    }
    return true;
}

// ------------------------------------------------------------ interrupted runs
// What a run has on disk but not yet in place: the temporary file of write_file_atomic
// and the stage folder of OutputSet::commit. SIGINT, SIGTERM and SIGHUP remove them
// (with system calls only: a signal handler may not allocate); SIGKILL cannot be caught,
// so their names carry the pid and the next run removes those of runs no longer alive.
char g_pending_file[4096];
char g_pending_stage[4096];
volatile std::sig_atomic_t g_file_pending = 0;
volatile std::sig_atomic_t g_stage_pending = 0;

// Removes the tree at `path` (no symbolic link followed), depth-limited; signal-safe.
void remove_tree_raw(int parent, const char* name, int depth) {
    if (::unlinkat(parent, name, 0) == 0 || depth > 8) return;
    const int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return;
    alignas(8) char buf[8192];
    for (;;) {
        const long n = ::syscall(SYS_getdents64, fd, buf, sizeof buf);
        if (n <= 0) break;
        for (long off = 0; off < n;) {
            const auto* d = reinterpret_cast<const struct dirent64*>(buf + off);
            off += d->d_reclen;
            if (std::strcmp(d->d_name, ".") == 0 || std::strcmp(d->d_name, "..") == 0) continue;
            remove_tree_raw(fd, d->d_name, depth + 1);
        }
    }
    ::close(fd);
    ::unlinkat(parent, name, AT_REMOVEDIR);
}

void on_fatal_signal(int sig) {
    if (g_file_pending) ::unlink(g_pending_file);
    if (g_stage_pending) remove_tree_raw(AT_FDCWD, g_pending_stage, 0);
    ::signal(sig, SIG_DFL);
    ::raise(sig);
}

void install_cleanup() {
    static bool installed = false;
    if (installed) return;
    installed = true;
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) {
        struct sigaction old {};
        ::sigaction(sig, nullptr, &old);
        if (old.sa_handler == SIG_IGN) continue;  // nohup: stay ignored
        struct sigaction sa {};
        sa.sa_handler = on_fatal_signal;
        sigemptyset(&sa.sa_mask);
        ::sigaction(sig, &sa, nullptr);
    }
}

// Copies `name` into `slot` (for the handler) and returns it, or nullptr when too long.
char* pending_slot(char* slot, const std::string& name) {
    if (name.size() + 1 > 4096) return nullptr;
    std::memcpy(slot, name.c_str(), name.size() + 1);
    return slot;
}

// Removes, in `dir`, the entries named `prefix` + PID + "-..." whose process is gone:
// what a killed run left behind.
void remove_stale(const fs::path& dir, const std::string& prefix) {
    std::error_code ec;
    for (fs::directory_iterator it(dir.empty() ? fs::path(".") : dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        char* rest = nullptr;
        const long pid = std::strtol(name.c_str() + prefix.size(), &rest, 10);
        if (pid <= 0 || !rest || *rest != '-' || pid == ::getpid()) continue;
        if (::kill(static_cast<pid_t>(pid), 0) == 0 || errno != ESRCH) continue;  // alive (or not ours to ask)
        std::error_code rm;
        fs::remove_all(it->path(), rm);
    }
}

std::string temp_prefix(const std::string& path) { return fs::path(path).filename().string() + ".tmp-"; }

// Writes `bytes` to a fresh temporary file next to `path` ("x.md.tmp-PID-XXXXXX"); returns
// its name or "". `sync`: fsync the file before returning (a caller committing many files
// syncs the file system once instead). `like`: the file it will replace, whose mode and
// owner it takes.
std::string write_temp(const std::string& path, const std::string& bytes, std::string& error, bool sync = true,
                       const struct stat* like = nullptr, bool track = false) {
    std::string tmpl = path + ".tmp-" + std::to_string(::getpid()) + "-XXXXXX";
    std::vector<char> local(tmpl.begin(), tmpl.end());
    local.push_back('\0');
    char* name = track ? pending_slot(g_pending_file, tmpl) : nullptr;
    if (!name) name = local.data(), track = false;
    if (track) g_file_pending = 1;
    int fd = ::mkstemp(name);
    if (fd < 0) {
        error = "cannot write '" + path + "': " + std::strerror(errno);
        if (track) g_file_pending = 0;
        return {};
    }
    bool ok = write_all(fd, bytes) && (!sync || ::fsync(fd) == 0);
    int saved = errno;
    if (like) {
        // as an editor does: the file keeps its permissions and, where we may, its owner
        if (::fchown(fd, like->st_uid, like->st_gid) != 0) (void)::fchown(fd, static_cast<uid_t>(-1), like->st_gid);
        ::fchmod(fd, like->st_mode & 07777);
    } else {
        ::fchmod(fd, 0644);
    }
    if (::close(fd) != 0 && ok) ok = false, saved = errno;
    const std::string made(name);
    if (!ok) {
        ::unlink(made.c_str());
        if (track) g_file_pending = 0;
        error = "cannot write '" + path + "': " + std::strerror(saved);
        return {};
    }
    return made;
}

// Rewrites a file with other hard links in place (a rename would split it from them). The
// space is reserved first, so a full disk fails before a byte changes.
bool rewrite_in_place(const std::string& path, const std::string& bytes, std::string& error) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC | O_NOFOLLOW);
    bool ok = fd >= 0;
    if (ok && !bytes.empty()) {
        const int rc = ::posix_fallocate(fd, 0, static_cast<off_t>(bytes.size()));
        if (rc != 0 && rc != EOPNOTSUPP && rc != EINVAL) errno = rc, ok = false;
    }
    ok = ok && ::lseek(fd, 0, SEEK_SET) == 0 && write_all(fd, bytes) &&
         ::ftruncate(fd, static_cast<off_t>(bytes.size())) == 0 && ::fsync(fd) == 0;
    const int saved = errno;
    if (fd >= 0 && ::close(fd) != 0 && ok) ok = false;
    if (!ok) error = "cannot write '" + path + "': " + std::strerror(saved);
    return ok;
}
}  // namespace

bool same_file(const std::string& a, const std::string& b) {
    struct stat sa {}, sb {};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool write_file_atomic(const std::string& given, const std::string& bytes, std::string& error) {
    install_cleanup();
    // A symbolic link stays a link: its target is written.
    std::string path = given;
    std::error_code ec;
    for (int hops = 0; hops < 40 && fs::is_symlink(path, ec); ++hops) {
        const fs::path target = fs::read_symlink(path, ec);
        if (ec) break;
        path = (target.is_absolute() ? target : fs::path(path).parent_path() / target).string();
    }
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        error = "cannot write '" + given + "': it is " + (S_ISDIR(st.st_mode) ? std::string("a directory")
                                                                              : file_kind(st.st_mode) + ", not a regular file");
        return false;
    }
    remove_stale(fs::path(path).parent_path(), temp_prefix(path));
    if (exists && st.st_nlink > 1) return rewrite_in_place(path, bytes, error);
    std::string tmp = write_temp(path, bytes, error, true, exists ? &st : nullptr, /*track=*/true);
    if (tmp.empty()) return false;
    const bool renamed = ::rename(tmp.c_str(), path.c_str()) == 0;
    const int saved = errno;
    if (!renamed) ::unlink(tmp.c_str());
    g_file_pending = 0;
    if (!renamed) {
        error = "cannot write '" + given + "': " + std::strerror(saved);
        return false;
    }
    return true;
}

void OutputSet::add(const std::string& relative_path, std::string bytes) {
    files_[relative_path] = std::move(bytes);
}

bool OutputSet::commit(const std::string& dir, std::string& error) const {
    std::error_code ec;
    if (fs::exists(dir, ec) && !fs::is_directory(dir, ec)) {
        error = "output folder '" + dir + "' is a file, not a folder";
        return false;
    }
    fs::create_directories(dir, ec);
    if (ec) {
        error = "cannot create output folder '" + dir + "': " + ec.message();
        return false;
    }
    install_cleanup();
    remove_stale(dir, ".protopub-stage-");
    // Stage everything first; only when every file is safely on disk do we rename.
    const std::string stage_tmpl = (fs::path(dir) / (".protopub-stage-" + std::to_string(::getpid()) + "-XXXXXX")).string();
    std::vector<char> local(stage_tmpl.begin(), stage_tmpl.end());
    local.push_back('\0');
    char* stage = pending_slot(g_pending_stage, stage_tmpl);
    if (stage) g_stage_pending = 1;
    else stage = local.data();
    if (!::mkdtemp(stage)) {
        g_stage_pending = 0;
        error = "cannot write to output folder '" + dir + "': " + std::strerror(errno);
        return false;
    }
    const fs::path stage_dir(stage);
    auto cleanup = [&] {
        fs::remove_all(stage_dir, ec);
        g_stage_pending = 0;
    };
    for (const auto& [rel, bytes] : files_) {
        fs::path target = stage_dir / rel;
        fs::create_directories(target.parent_path(), ec);
        std::string err;
        std::string tmp = ec ? std::string() : write_temp(target.string(), bytes, err, /*sync=*/false);
        if (tmp.empty() || ::rename(tmp.c_str(), target.c_str()) != 0) {
            error = ec ? "cannot create '" + target.parent_path().string() + "': " + ec.message()
                       : !err.empty() ? err : "cannot write '" + target.string() + "': " + std::strerror(errno);
            cleanup();
            return false;
        }
    }
    // One sync of the file system for the whole set (an fsync per file costs seconds
    // for a site of a thousand pages), then the renames into place.
    if (int dfd = ::open(stage_dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        const int rc = ::syncfs(dfd);
        const int saved = errno;
        ::close(dfd);
        if (rc != 0) {
            error = "cannot write to output folder '" + dir + "': " + std::strerror(saved);
            cleanup();
            return false;
        }
    }
    // Every target must be replaceable before the first rename: a folder standing where
    // a page goes would otherwise stop the set half-way, leaving half a new site.
    for (const auto& [rel, bytes] : files_) {
        fs::path final_path = fs::path(dir) / rel;
        fs::create_directories(final_path.parent_path(), ec);
        std::error_code type_ec;
        if (ec || fs::is_directory(final_path, type_ec)) {
            error = "cannot write '" + final_path.string() + "': " + (ec ? ec.message() : "it is a directory");
            cleanup();
            return false;
        }
    }
    // The renames run with SIGINT, SIGTERM and SIGHUP held back, so an interrupt cannot
    // leave a new page beside an index that does not list it.
    sigset_t hold, before;
    sigemptyset(&hold);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&hold, sig);
    ::sigprocmask(SIG_BLOCK, &hold, &before);
    bool ok = true;
    for (const auto& [rel, bytes] : files_) {
        fs::path final_path = fs::path(dir) / rel;
        if (::rename((stage_dir / rel).c_str(), final_path.c_str()) != 0) {
            error = "cannot write '" + final_path.string() + "': " + std::strerror(errno);
            ok = false;
            break;
        }
    }
    cleanup();
    ::sigprocmask(SIG_SETMASK, &before, nullptr);
    return ok;
}

std::optional<std::int64_t> parse_iso_date(const std::string& date) {
    if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (date[i] < '0' || date[i] > '9') return std::nullopt;
    int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2));
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1] + (m == 2 && leap)) return std::nullopt;
    // days from civil (Howard Hinnant's algorithm)
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (static_cast<std::int64_t>(era) * 146097 + doe - 719468) * 86400;
}

std::optional<std::int64_t> known_epoch(const std::string& iso_date) {
    if (const char* env = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long v = std::strtoll(env, &end, 10);
        if (end && *end == '\0' && end != env && v >= 0) return v;
    }
    return parse_iso_date(iso_date);
}

std::int64_t build_epoch(const std::string& fallback_iso_date) { return known_epoch(fallback_iso_date).value_or(0); }

std::string format_iso_datetime(std::int64_t epoch) {
    std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm {};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace protopub::io
