// The one seam to the outside world: reading sources, writing outputs, the clock.
// No other stage opens files or asks the time.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace protopub::io {

// Reads a whole regular file. On failure returns nullopt and sets `error` to a sentence
// ("cannot open 'x.md': No such file or directory"). FIFOs, devices and sockets are
// refused (they may never end, or block); `limit` guards against a 10 GB log.
std::optional<std::string> read_file(const std::string& path, std::string& error,
                                     std::uintmax_t limit = std::uintmax_t(256) << 20);

// "a FIFO (named pipe)", "a character device", ... for a stat mode (in messages).
std::string file_kind(unsigned mode);

// Writes one file atomically: a temporary file beside it, fsync, then rename.
// The old file (if any) stays intact on any failure. Only a regular file is replaced (a
// device, FIFO or folder is an error); one that exists keeps its mode and owner, a symbolic
// link keeps pointing at it (its target is written), and a file with other hard links is
// rewritten in place (space reserved first) so that every link sees the new text.
// Temporary files of runs killed before they finished are removed.
bool write_file_atomic(const std::string& path, const std::string& bytes, std::string& error);

// Whether two paths name the same file (after links); false if either does not exist.
bool same_file(const std::string& a, const std::string& b);

// A set of output files rendered in memory and committed to a folder only when the
// whole run succeeded, so a failed run never leaves half a site behind.
class OutputSet {
public:
    void add(const std::string& relative_path, std::string bytes);
    const std::map<std::string, std::string>& files() const { return files_; }
    // Creates `dir` (and parents) if needed and switches it to the new set in one step:
    // the set is written to a folder beside it, which gets links to everything `dir`
    // holds that the set does not replace (a user's own files stay) and the folder's mode
    // and owner, then the two are exchanged (renameat2 RENAME_EXCHANGE) and the old one
    // removed. Where that cannot be (a parent folder not writable, a mount point, the
    // working folder, a file system without the exchange), the set is staged inside `dir`
    // and renamed into place file by file, with signals held back, and note() says why.
    // Nothing is written when a target cannot be replaced. Returns false with `error` set.
    // Stage folders of runs killed before they finished are removed.
    bool commit(const std::string& dir, std::string& error);
    // After commit: "" when the folder was switched in one step, else why it was not.
    const std::string& note() const { return note_; }

private:
    std::map<std::string, std::string> files_;
    std::string note_;
};

// The time stamp outputs carry: SOURCE_DATE_EPOCH when set (reproducible builds),
// otherwise `fallback_iso_date` (usually the adoption date), otherwise 1970-01-01.
// Returned as seconds since the epoch (UTC).
std::int64_t build_epoch(const std::string& fallback_iso_date = "");
// The same time stamp when one is known (SOURCE_DATE_EPOCH, else `iso_date`), nullopt
// otherwise: a date no source gives is left out of an output, never invented.
std::optional<std::int64_t> known_epoch(const std::string& iso_date);
// "2023-04-04" -> seconds since the epoch at 00:00 UTC; nullopt if not a date.
std::optional<std::int64_t> parse_iso_date(const std::string& date);
// Seconds since the epoch -> "2023-04-04T00:00:00Z".
std::string format_iso_datetime(std::int64_t epoch);

}  // namespace protopub::io
