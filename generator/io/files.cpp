#include "io/files.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <csignal>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <vector>

namespace fs = std::filesystem;

namespace protopub::io {

std::string file_kind(unsigned mode) {
    return S_ISFIFO(mode)   ? "a FIFO (named pipe)"
           : S_ISCHR(mode)  ? "a character device"
           : S_ISBLK(mode)  ? "a block device"
           : S_ISSOCK(mode) ? "a socket"
           : S_ISDIR(mode)  ? "a directory"
           : S_ISLNK(mode)  ? "a symbolic link"
                            : "a regular file";
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
        error = S_ISDIR(st.st_mode) ? "'" + path + "' is a directory, not a file"
                : st.st_mode != 0   ? "'" + path + "' is " + file_kind(st.st_mode) + ", not a regular file"
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
    struct stat sa {
    }, sb{};
    return ::stat(a.c_str(), &sa) == 0 && ::stat(b.c_str(), &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
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
        error = "cannot write '" + given + "': it is " +
                (S_ISDIR(st.st_mode) ? std::string("a directory") : file_kind(st.st_mode) + ", not a regular file");
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

void OutputSet::add(const std::string& relative_path, std::string bytes) { files_[relative_path] = std::move(bytes); }

namespace {
// ------------------------------------------------------------ switching a set in one step
// The output folder is switched as a whole where the file system allows it: the new set
// is written to a sibling folder, everything the folder held that this run does not write
// is hard-linked beside it, and renameat2(RENAME_EXCHANGE) swaps the two in one step.

// Called for renameat2 directly: glibc has a wrapper only from 2.28.
int exchange(const char* a, const char* b) {
    return static_cast<int>(::syscall(SYS_renameat2, AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE));
}

// Adds to folder `to` every entry of folder `from` that `to` lacks, recursing into folders
// both have: `link` makes hard links (a folder is made anew, with its mode and owner), else
// the entries are moved. Returns "" or what stopped it (a sentence for the note).
std::string carry_over(int from, int to, bool link, int depth) {
    if (depth > 64) return "it is nested more than 64 folders deep";
    const int dup = ::dup(from);
    DIR* d = dup >= 0 ? ::fdopendir(dup) : nullptr;
    if (!d) {
        if (dup >= 0) ::close(dup);
        return std::string("cannot list it: ") + std::strerror(errno);
    }
    struct stat self {};
    ::fstat(from, &self);
    std::string failed;
    while (const struct dirent* e = ::readdir(d)) {
        const char* name = e->d_name;
        if (std::strcmp(name, ".") == 0 || std::strcmp(name, "..") == 0) continue;
        struct stat old {
        }, now{};
        if (::fstatat(from, name, &old, AT_SYMLINK_NOFOLLOW) != 0) continue;  // gone meanwhile
        const bool there = ::fstatat(to, name, &now, AT_SYMLINK_NOFOLLOW) == 0;
        if (there && !(S_ISDIR(old.st_mode) && S_ISDIR(now.st_mode))) continue;  // replaced by this run
        if (link && old.st_dev != self.st_dev) {  // a file system mounted inside: not ours to move
            failed = std::string("'") + name + "' is a mount point";
            break;
        }
        if (!link && !there) {
            if (::renameat(from, name, to, name) != 0)
                failed = std::string("cannot move '") + name + "': " + std::strerror(errno);
        } else if (!S_ISDIR(old.st_mode)) {
            if (::linkat(from, name, to, name, 0) != 0)
                failed = std::string("cannot link '") + name + "': " + std::strerror(errno);
        } else {
            if (!there) {
                if (::mkdirat(to, name, old.st_mode & 07777) != 0 ||
                    ((old.st_uid != ::geteuid() || old.st_gid != ::getegid()) &&
                     ::fchownat(to, name, old.st_uid, old.st_gid, AT_SYMLINK_NOFOLLOW) != 0) ||
                    ::fchmodat(to, name, old.st_mode & 07777, 0) != 0) {
                    failed = std::string("cannot make folder '") + name + "' as it was: " + std::strerror(errno);
                    break;
                }
            }
            const int sub_from = ::openat(from, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            const int sub_to = ::openat(to, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
            if (sub_from >= 0 && sub_to >= 0) {
                const std::string inner = carry_over(sub_from, sub_to, link, depth + 1);
                if (!inner.empty()) failed = std::string(name) + "/" + inner;
            } else {
                failed = std::string("cannot open folder '") + name + "': " + std::strerror(errno);
            }
            if (sub_from >= 0) ::close(sub_from);
            if (sub_to >= 0) ::close(sub_to);
        }
        if (!failed.empty()) break;
    }
    ::closedir(d);
    return failed;
}

// Where a file of the set cannot go: a folder stands where it goes, or a file where one
// of its folders goes. "" when every target can be replaced. Changes nothing.
std::string blocked_target(const fs::path& dir, const std::string& rel) {
    fs::path at = dir;
    const fs::path relative(rel);
    for (auto it = relative.begin(); it != relative.end(); ++it) {
        at /= *it;
        struct stat st {};
        if (::lstat(at.c_str(), &st) != 0) return "";  // nothing there yet
        const bool last = std::next(it) == relative.end();
        if (last && S_ISDIR(st.st_mode)) return "cannot write '" + at.string() + "': it is a directory";
        if (!last && !S_ISDIR(st.st_mode) && !(S_ISLNK(st.st_mode) && fs::is_directory(at)))
            return "cannot write '" + (dir / rel).string() + "': '" + at.string() + "' is a file, not a folder";
    }
    return "";
}

// Why the folder cannot be switched in one step, or "" if it may be tried.
std::string why_not_whole(const fs::path& dir, const fs::path& parent) {
    struct stat d {
    }, p{};
    if (::stat(dir.c_str(), &d) != 0 || ::stat(parent.c_str(), &p) != 0) return std::strerror(errno);
    if (dir == parent) return "it is the root folder";
    if (d.st_dev != p.st_dev) return "it is a mount point";
    if (d.st_uid != ::geteuid() && ::geteuid() != 0) return "it belongs to another user";
    std::error_code ec;
    const fs::path cwd = fs::canonical(fs::current_path(ec), ec);
    if (!ec) {
        auto [mismatch, unused] = std::mismatch(dir.begin(), dir.end(), cwd.begin(), cwd.end());
        if (mismatch == dir.end()) return "it is the working folder or holds it";
    }
    return "";
}
}  // namespace

bool OutputSet::commit(const std::string& dir, std::string& error) {
    note_.clear();
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
    // A link to a folder stays a link: the folder it names is switched.
    const fs::path real = fs::canonical(dir, ec);
    if (ec) {
        error = "cannot open output folder '" + dir + "': " + ec.message();
        return false;
    }
    const fs::path parent = real.parent_path();
    install_cleanup();
    // What killed runs left: stage folders inside (switched file by file) and beside it.
    const std::string sibling_prefix = "." + real.filename().string() + ".protopub-stage-";
    remove_stale(real, ".protopub-stage-");
    remove_stale(parent, sibling_prefix);
    // Every target must be replaceable before anything is written: a folder standing where
    // a page goes would otherwise stop the set half-way.
    for (const auto& [rel, bytes] : files_) {
        if (std::string blocked = blocked_target(fs::path(dir), rel); !blocked.empty()) {
            error = blocked;
            return false;
        }
    }
    // Stage beside the folder (to switch it whole); where that cannot be, inside it.
    std::string why = why_not_whole(real, parent);
    char* stage = nullptr;
    std::vector<char> local;
    for (const bool beside : {true, false}) {
        if (beside && !why.empty()) continue;
        const std::string tmpl = ((beside ? parent : real) / ((beside ? sibling_prefix : ".protopub-stage-") +
                                                              std::to_string(::getpid()) + "-XXXXXX"))
                                     .string();
        local.assign(tmpl.begin(), tmpl.end());
        local.push_back('\0');
        stage = pending_slot(g_pending_stage, tmpl);
        if (stage)
            g_stage_pending = 1;
        else
            stage = local.data();
        if (::mkdtemp(stage)) break;
        const int saved = errno;
        g_stage_pending = 0;
        stage = nullptr;
        if (!beside) {
            error = "cannot write to output folder '" + dir + "': " + std::strerror(saved);
            return false;
        }
        why = "its parent folder is not writable (" + std::string(std::strerror(saved)) + ")";
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
            error = ec             ? "cannot create '" + target.parent_path().string() + "': " + ec.message()
                    : !err.empty() ? err
                                   : "cannot write '" + target.string() + "': " + std::strerror(errno);
            cleanup();
            return false;
        }
    }
    // Two runs switching the same folder take turns from here (a lock on its parent
    // folder, released when the run ends): each links what the other put in place.
    int lock = why.empty() ? ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    if (lock >= 0) {
        while (::flock(lock, LOCK_EX) != 0 && errno == EINTR) {}
    }
    struct Unlock {
        int fd;
        ~Unlock() {
            if (fd >= 0) ::close(fd);
        }
    } unlock{lock};
    // Beside the folder: it gets the folder's mode and owner, and links to everything the
    // folder holds that this run does not write (a user's own files stay).
    if (why.empty()) {
        struct stat st {};
        const int from = ::open(real.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        const int to = ::open(stage, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (from < 0 || to < 0 || ::fstat(from, &st) != 0)
            why = std::string("cannot open it: ") + std::strerror(errno);
        else if ((st.st_uid != ::geteuid() || st.st_gid != ::getegid()) && ::fchown(to, st.st_uid, st.st_gid) != 0)
            why = std::string("cannot give the new folder its owner: ") + std::strerror(errno);
        else if (::fchmod(to, st.st_mode & 07777) != 0)
            why = std::string("cannot give the new folder its mode: ") + std::strerror(errno);
        else if (std::string failed = carry_over(from, to, /*link=*/true, 0); !failed.empty())
            why = "of what it holds, " + failed;
        if (from >= 0) ::close(from);
        if (to >= 0) ::close(to);
    }
    // One sync of the file system for the whole set (an fsync per file costs seconds
    // for a site of a thousand pages), then the switch.
    if (int dfd = ::open(stage, O_RDONLY | O_DIRECTORY | O_CLOEXEC); dfd >= 0) {
        const int rc = ::syncfs(dfd);
        const int saved = errno;
        ::close(dfd);
        if (rc != 0) {
            error = "cannot write to output folder '" + dir + "': " + std::strerror(saved);
            cleanup();
            return false;
        }
    }
    // The switch runs with SIGINT, SIGTERM and SIGHUP held back.
    sigset_t hold, before;
    sigemptyset(&hold);
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&hold, sig);
    ::sigprocmask(SIG_BLOCK, &hold, &before);
    bool ok = true;
    bool whole = false;
    if (why.empty()) {
        whole = exchange(stage, real.c_str()) == 0;
        if (!whole) why = std::string("exchanging the folders failed (") + std::strerror(errno) + ")";
    }
    if (whole) {
        // The stage now holds the old folder. What appeared in it while this run was
        // linking (a file a user saved meanwhile) moves across, then the rest goes.
        const int from = ::open(stage, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        const int to = ::open(real.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (from >= 0 && to >= 0) (void)carry_over(from, to, /*link=*/false, 0);
        if (from >= 0) ::close(from);
        if (to >= 0) ::close(to);
        if (const int pfd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); pfd >= 0) {
            (void)::fsync(pfd);  // the exchange itself on disk
            ::close(pfd);
        }
    } else {
        note_ = "output folder '" + dir + "' switched file by file, as " + why +
                ": an interrupted run (SIGKILL, power loss) may leave old and new files side by side";
        for (const auto& [rel, bytes] : files_) {
            fs::path final_path = real / rel;
            fs::create_directories(final_path.parent_path(), ec);
            if (ec || ::rename((stage_dir / rel).c_str(), final_path.c_str()) != 0) {
                error = "cannot write '" + (fs::path(dir) / rel).string() +
                        "': " + (ec ? ec.message() : std::strerror(errno));
                ok = false;
                break;
            }
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
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace protopub::io
