#include "io/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

// Writes `bytes` to a fresh temporary file next to `path`; returns its name or "".
// `sync`: fsync the file before returning (a caller committing many files syncs the
// file system once instead).
std::string write_temp(const std::string& path, const std::string& bytes, std::string& error, bool sync = true) {
    std::string tmpl = path + ".tmp-XXXXXX";
    std::vector<char> name(tmpl.begin(), tmpl.end());
    name.push_back('\0');
    int fd = ::mkstemp(name.data());
    if (fd < 0) {
        error = "cannot write '" + path + "': " + std::strerror(errno);
        return {};
    }
    bool ok = write_all(fd, bytes) && (!sync || ::fsync(fd) == 0);
    int saved = errno;
    ::fchmod(fd, 0644);
    ::close(fd);
    if (!ok) {
        ::unlink(name.data());
        error = "cannot write '" + path + "': " + std::strerror(saved);
        return {};
    }
    return std::string(name.data());
}
}  // namespace

bool write_file_atomic(const std::string& path, const std::string& bytes, std::string& error) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        error = "cannot write '" + path + "': it is a directory";
        return false;
    }
    std::string tmp = write_temp(path, bytes, error);
    if (tmp.empty()) return false;
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        error = "cannot write '" + path + "': " + std::strerror(errno);
        ::unlink(tmp.c_str());
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
    // Stage everything first; only when every file is safely on disk do we rename.
    std::string stage_tmpl = (fs::path(dir) / ".protopub-stage-XXXXXX").string();
    std::vector<char> stage(stage_tmpl.begin(), stage_tmpl.end());
    stage.push_back('\0');
    if (!::mkdtemp(stage.data())) {
        error = "cannot write to output folder '" + dir + "': " + std::strerror(errno);
        return false;
    }
    const fs::path stage_dir(stage.data());
    auto cleanup = [&] { fs::remove_all(stage_dir, ec); };
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
    for (const auto& [rel, bytes] : files_) {
        fs::path final_path = fs::path(dir) / rel;
        if (::rename((stage_dir / rel).c_str(), final_path.c_str()) != 0) {
            error = "cannot write '" + final_path.string() + "': " + std::strerror(errno);
            cleanup();
            return false;
        }
    }
    cleanup();
    return true;
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

std::int64_t build_epoch(const std::string& fallback_iso_date) {
    if (const char* env = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        long long v = std::strtoll(env, &end, 10);
        if (end && *end == '\0' && end != env && v >= 0) return v;
    }
    if (auto d = parse_iso_date(fallback_iso_date)) return *d;
    return 0;
}

std::string format_iso_datetime(std::int64_t epoch) {
    std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm {};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

}  // namespace protopub::io
