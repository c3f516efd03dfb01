#include "package/zip_reader.hpp"

#include <zip.h>

#include <memory>

namespace protopub::package {

namespace {

struct ArchiveCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
struct FileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

// "../x", "a/../../x", "/x", "C:\x", "\\server\x": names that would leave the package.
bool unsafe_name(std::string_view name) {
    if (name.empty() || name[0] == '/' || name[0] == '\\') return true;
    if (name.size() > 1 && name[1] == ':') return true;
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = name.find_first_of("/\\", start);
        if (end == std::string_view::npos) end = name.size();
        if (name.substr(start, end - start) == "..") return true;
        start = end + 1;
    }
    return false;
}

std::string libzip_message(zip_error_t* e) {
    std::string m = zip_error_strerror(e);
    zip_error_fini(e);
    return m;
}

}  // namespace

std::optional<std::map<std::string, std::string>> read_zip(std::string_view bytes, std::string& error,
                                                           const ZipLimits& limits) {
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
    if (!src) {
        error = "cannot read the package: " + libzip_message(&zerr);
        return std::nullopt;
    }
    std::unique_ptr<zip_t, ArchiveCloser> archive(zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &zerr));
    if (!archive) {
        zip_source_free(src);
        error = "not a valid zip package (" + libzip_message(&zerr) + ")";
        return std::nullopt;
    }
    zip_error_fini(&zerr);

    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    if (count < 0 || static_cast<std::uint64_t>(count) > limits.max_entries) {
        error = "the package has too many entries (" + std::to_string(count) + ")";
        return std::nullopt;
    }
    std::map<std::string, std::string> entries;
    std::uint64_t total = 0;
    for (zip_int64_t i = 0; i < count; ++i) {
        zip_stat_t st;
        zip_stat_init(&st);
        if (zip_stat_index(archive.get(), static_cast<zip_uint64_t>(i), 0, &st) != 0 || !(st.valid & ZIP_STAT_NAME)) {
            error = "damaged zip entry " + std::to_string(i);
            return std::nullopt;
        }
        const std::string name = st.name;
        if (unsafe_name(name)) {
            error = "the package has an entry named '" + name + "' that points outside it; refused";
            return std::nullopt;
        }
        if (!name.empty() && name.back() == '/') continue;
        // The size in the directory may lie: the limit is enforced on the bytes inflated.
        std::unique_ptr<zip_file_t, FileCloser> file(zip_fopen_index(archive.get(), static_cast<zip_uint64_t>(i), 0));
        if (!file) {
            error = "cannot open '" + name + "' in the package: " + zip_strerror(archive.get());
            return std::nullopt;
        }
        std::string data;
        char buffer[1 << 16];
        for (;;) {
            zip_int64_t n = zip_fread(file.get(), buffer, sizeof buffer);
            if (n < 0) {
                error = "cannot read '" + name + "' in the package: " + zip_file_strerror(file.get());
                return std::nullopt;
            }
            if (n == 0) break;
            total += static_cast<std::uint64_t>(n);
            if (total > limits.max_total_bytes) {
                error = "the package inflates to more than " + std::to_string(limits.max_total_bytes >> 20) +
                        " MB; refused (a zip bomb?)";
                return std::nullopt;
            }
            data.append(buffer, static_cast<std::size_t>(n));
        }
        entries.emplace(name, std::move(data));
    }
    return entries;
}

}  // namespace protopub::package
