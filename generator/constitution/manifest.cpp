// The manifest reader: YAML in, Manifest out, every problem a diagnostic.
#include <filesystem>
#include <map>
#include <set>

#include <yaml-cpp/yaml.h>

#include "constitution/constitution.hpp"
#include "io/files.hpp"
#include "model/text.hpp"

namespace protopub::constitution {
namespace {

model::SourcePos pos_of(const YAML::Node& n) {
    const YAML::Mark m = n.Mark();
    if (m.line < 0) return {};
    return {static_cast<std::uint32_t>(m.line + 1), static_cast<std::uint32_t>(m.column + 1)};
}

class ManifestReader {
public:
    ManifestReader(const std::string& path, const ManifestOptions& options, model::Diagnostics& diags)
        : path_(path), options_(options), diags_(diags) {
        folder_ = std::filesystem::path(path).parent_path();
    }

    Manifest read(const YAML::Node& root) {
        Manifest m;
        m.path = path_;
        if (!root.IsMap()) {
            diags_.error(path_, pos_of(root), "manifest: expected fields (title, council, parts)");
            return m;
        }
        known(root, {"title", "council", "version", "status", "adopted", "adopted_by", "numbering", "parts"});
        m.title = scalar(root, "title", true);
        m.council = scalar(root, "council", false);
        m.version = scalar(root, "version", false);
        m.adopted = date(root, "adopted");
        m.adopted_by = scalar(root, "adopted_by", false);
        m.status = status(root, m.adopted.empty() ? model::Status::draft : model::Status::adopted);
        default_numbering_ = numbering(root, Numbering::as_written);
        const YAML::Node parts = root["parts"];
        if (!parts || !parts.IsSequence() || parts.size() == 0) {
            diags_.error(path_, pos_of(parts ? parts : root), "manifest: 'parts' must list at least one Part");
            return m;
        }
        for (const auto& p : parts) m.parts.push_back(part(p));
        // Numbers become the ids of the assembled document ("part-5", "section-24").
        std::map<std::string, model::SourcePos> part_numbers, section_numbers;
        for (const auto& p : m.parts) {
            unique(part_numbers, p.number, p.pos, "Part");
            for (const auto& sec : p.sections) unique(section_numbers, sec.number, sec.pos, "section");
        }
        return m;
    }

private:
    void unique(std::map<std::string, model::SourcePos>& seen, const std::string& number, model::SourcePos pos,
                const char* what) {
        if (number.empty()) return;
        const auto [it, first] = seen.emplace(number, pos);
        if (!first)
            diags_.error(path_, pos,
                         std::string("manifest: ") + what + " " + number + " is listed twice (first at line " +
                             std::to_string(it->second.line) + ")");
    }

    void known(const YAML::Node& map, std::set<std::string> fields) {
        for (const auto& kv : map) {
            const std::string key = kv.first.as<std::string>("");
            if (!fields.count(key)) diags_.warning(path_, pos_of(kv.first), "manifest: unknown field '" + key + "'");
        }
    }

    std::string scalar(const YAML::Node& map, const char* key, bool required) {
        const YAML::Node v = map[key];
        if (!v) {
            if (required)
                diags_.error(path_, pos_of(map), std::string("manifest: missing required field '") + key + "'");
            return {};
        }
        if (!v.IsScalar()) {
            diags_.error(path_, pos_of(v), std::string("manifest: '") + key + "' must be a single value");
            return {};
        }
        std::string value = v.Scalar();
        // a source is a file's name, as the system spells it (its words are checked when read)
        if (std::string_view(key) == "source") return value;
        if (const model::Unshowable u = model::make_showable(value); u.count > 0)
            diags_.warning(path_, pos_of(v), "manifest: " + model::unshowable_message(u));
        return value;
    }

    // A date is YYYY-MM-DD: anything else would be printed as it stands, or invented.
    std::string date(const YAML::Node& map, const char* key) {
        std::string value = scalar(map, key, false);
        if (!value.empty() && !io::parse_iso_date(value)) {
            diags_.error(path_, pos_of(map[key]),
                         std::string("manifest: '") + key + "' must be a date, YYYY-MM-DD, not '" + value + "'");
            return {};
        }
        return value;
    }

    model::Status status(const YAML::Node& map, model::Status fallback) {
        const std::string value = scalar(map, "status", false);
        if (value.empty()) return fallback;
        if (value == "draft") return model::Status::draft;
        if (value == "adopted") return model::Status::adopted;
        if (value == "superseded") return model::Status::superseded;
        diags_.error(path_, pos_of(map["status"]),
                     "manifest: 'status' must be draft, adopted or superseded, not '" + value + "'");
        return fallback;
    }

    Numbering numbering(const YAML::Node& map, Numbering fallback) {
        const std::string value = scalar(map, "numbering", false);
        if (value.empty()) return fallback;
        if (value == "prefix") return Numbering::prefix;
        if (value == "as-written") return Numbering::as_written;
        diags_.error(path_, pos_of(map["numbering"]), "manifest: 'numbering' must be prefix or as-written");
        return fallback;
    }

    VersionRecord version(const YAML::Node& n) {
        VersionRecord v;
        if (!n.IsMap()) {
            diags_.error(path_, pos_of(n), "manifest: a history entry needs fields (version, adopted, ...)");
            return v;
        }
        known(n, {"version", "status", "adopted", "adopted_by", "minute", "supersedes", "note"});
        v.version = scalar(n, "version", true);
        v.status = scalar(n, "status", false);
        v.adopted = date(n, "adopted");
        v.adopted_by = scalar(n, "adopted_by", false);
        v.minute = scalar(n, "minute", false);
        v.supersedes = scalar(n, "supersedes", false);
        v.note = scalar(n, "note", false);
        return v;
    }

    std::vector<std::string> strings(const YAML::Node& n, const char* key) {
        std::vector<std::string> out;
        const YAML::Node list = n[key];
        if (!list) return out;
        if (!list.IsSequence()) {
            diags_.error(path_, pos_of(list), std::string("manifest: '") + key + "' must be a list");
            return out;
        }
        for (const auto& item : list) out.push_back(item.as<std::string>(""));
        return out;
    }

    ManifestSection section(const YAML::Node& n) {
        ManifestSection s;
        s.pos = pos_of(n);
        if (!n.IsMap()) {
            diags_.error(path_, s.pos, "manifest: a section needs fields (section, title, source)");
            return s;
        }
        known(n, {"section", "title", "source", "aliases", "numbering", "history", "note"});
        s.number = scalar(n, "section", false);
        s.title = scalar(n, "title", false);
        const std::string source = scalar(n, "source", false);
        if (!source.empty()) {
            s.source = (folder_ / source).lexically_normal().string();
            // A manifest names the sources beside it; one that reaches out of its folder
            // ("../../etc/shadow", "/home/x") is read only when the user says so.
            const auto inside = std::filesystem::path(source).lexically_normal();
            if (!options_.sources_outside && (inside.is_absolute() || inside.empty() || *inside.begin() == ".."))
                diags_.error(path_, pos_of(n["source"]),
                             "manifest: source '" + source +
                                 "' is outside the manifest's folder; pass "
                                 "--allow-sources-outside to read it");
        }
        if (s.title.empty() && s.source.empty())
            diags_.error(path_, s.pos, "manifest: a section needs a 'source' or a 'title'");
        s.aliases = strings(n, "aliases");
        s.numbering = numbering(n, default_numbering_);
        if (s.numbering == Numbering::prefix && s.number.empty())
            diags_.error(path_, s.pos, "manifest: 'numbering: prefix' needs the section's number ('section')");
        s.note = scalar(n, "note", false);
        if (const YAML::Node h = n["history"]) {
            if (h.IsScalar() && h.Scalar() == "git")
                s.history_from_git = true;  // filled in by `protopub history`'s reader
            else if (!h.IsSequence())
                diags_.error(path_, pos_of(h), "manifest: 'history' must be a list of versions, or 'git'");
            else
                for (const auto& v : h) s.history.push_back(version(v));
        }
        return s;
    }

    ManifestPart part(const YAML::Node& n) {
        ManifestPart p;
        p.pos = pos_of(n);
        if (!n.IsMap()) {
            diags_.error(path_, p.pos, "manifest: a Part needs fields (part, title, sections)");
            return p;
        }
        known(n, {"part", "title", "sections"});
        p.number = scalar(n, "part", true);
        p.title = scalar(n, "title", true);
        const YAML::Node sections = n["sections"];
        if (sections && !sections.IsSequence())
            diags_.error(path_, pos_of(sections), "manifest: 'sections' must be a list");
        else if (sections)
            for (const auto& s : sections) p.sections.push_back(section(s));
        return p;
    }

    std::string path_;
    ManifestOptions options_;
    std::filesystem::path folder_;
    model::Diagnostics& diags_;
    Numbering default_numbering_ = Numbering::as_written;
};

}  // namespace

Manifest read_manifest(std::string_view text, const std::string& path, model::Diagnostics& diags,
                       const ManifestOptions& options) {
    try {
        return ManifestReader(path, options, diags).read(YAML::Load(std::string(text)));
    } catch (const YAML::Exception& e) {
        diags.error(path, {static_cast<std::uint32_t>(e.mark.line + 1), static_cast<std::uint32_t>(e.mark.column + 1)},
                    "manifest: invalid YAML: " + e.msg);
    }
    Manifest empty;
    empty.path = path;
    return empty;
}

std::vector<std::string> manifest_sources(const Manifest& m) {
    std::vector<std::string> out;
    for (const auto& p : m.parts)
        for (const auto& s : p.sections)
            if (!s.source.empty()) out.push_back(s.source);
    return out;
}

}  // namespace protopub::constitution
