#include "io/data_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace protopub::io {

namespace fs = std::filesystem;

std::string default_data_dir() {
    std::error_code ec;
    if (const char* env = std::getenv("PROTOPUB_DATA_DIR"); env && *env) return env;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return "";
    const fs::path dir = exe.parent_path();
    for (const fs::path& candidate : {dir / ".." / "share" / "protopub", dir / "protopub-data"})
        if (fs::is_directory(candidate, ec)) return fs::weakly_canonical(candidate, ec).string();
    return "";
}

}  // namespace protopub::io
