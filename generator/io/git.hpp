// Reading a file as it was at a git revision ("protocol.md@HEAD~1"), for comparing
// versions that live in a repository. Part of the io seam: the only place that runs git.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace protopub::io {

struct GitFile {
    std::string path;      // the file, relative to the current folder or absolute
    std::string revision;  // any git revision: a commit, tag, branch, HEAD~2, ...
};

// "FILE@REV" -> {FILE, REV}. nullopt when `spec` has no '@' or names a file that
// exists as written (so a file whose name contains '@' still reads as a file). The file
// ends at the first '@' that leaves an existing file, so "x.md@HEAD@{1}" and "x.md@@{u}"
// keep their revisions whole.
std::optional<GitFile> parse_git_spec(const std::string& spec);

// The bytes of `file.path` at `file.revision`, through `git show REV:./NAME` run in the
// file's folder. On failure returns nullopt with `error` set to a sentence naming the
// file and revision and git's own message ("'x.md' at 'v2': fatal: invalid object name 'v2'").
// A blob over `limit` bytes is refused before it is read ("... is 191 MiB, over the limit").
std::optional<std::string> read_git_file(const GitFile& file, std::string& error,
                                         std::uintmax_t limit = std::uintmax_t(256) << 20);

// One commit that changed a file, as `git log` lists it.
struct Commit {
    std::string hash;
    std::string date;               // the commit date, YYYY-MM-DD
    std::vector<std::string> tags;  // tags pointing at it ("v2019")
};

// Every commit that changed `path`, oldest first (git log in the file's folder). nullopt
// with `error` set when git cannot be run or the file is not in a repository.
std::optional<std::vector<Commit>> file_commits(const std::string& path, std::string& error);

}  // namespace protopub::io
