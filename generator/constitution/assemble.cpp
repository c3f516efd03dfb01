// Assembly: prefixing numbers and ids, adoption records, and constitution references.
#include <algorithm>
#include <cctype>
#include <functional>
#include <map>

#include "constitution/constitution.hpp"
#include "model/facts.hpp"
#include "model/ids.hpp"
#include "model/make.hpp"
#include "model/text.hpp"
#include "model/walk.hpp"

namespace protopub::constitution {
namespace {

using model::Block;
using model::for_each_inline;
using model::Inline;
using model::InlineKind;
using model::Inlines;
using model::move_references;
using model::prefix_ids;
using model::Protocol;
using model::Section;

// ------------------------------------------------------------ numbers and ids

std::string section_key(const ManifestPart& part, const ManifestSection& s, std::size_t index) {
    const std::string number = s.number.empty() ? part.number + "-" + std::to_string(index + 1) : s.number;
    return model::id_from_number("section", number);
}

// "1.1" -> "24.1.1", "1." -> "24.1": the number as it reads inside section 24.
std::string prefixed_number(const std::string& prefix, const std::string& number) {
    const std::string bare = model::number_without_dots(number);
    return bare.empty() ? bare : prefix + "." + bare;
}

void prefix_number(const std::string& prefix, model::ClauseNumber& n) {
    if (n.text.empty()) return;
    n.text = prefixed_number(prefix, n.text);
    std::vector<int> parts;
    if (model::parse_clause_number(n.text, parts)) n.parts = parts;
}

bool is_number_char(char c) { return std::isdigit(static_cast<unsigned char>(c)) || c == '.'; }

// Rewrites a cited number where it stands as a whole number in the words ("paragraph 3.2,").
void rewrite_number(std::string& words, const std::string& from, const std::string& to) {
    const std::string bare = model::number_without_dots(from);
    if (bare.empty()) return;
    for (std::size_t at = words.find(bare); at != std::string::npos; at = words.find(bare, at)) {
        const std::size_t end = at + bare.size();
        const bool starts = at == 0 || !is_number_char(words[at - 1]);
        const bool ends = end == words.size() || !std::isdigit(static_cast<unsigned char>(words[end]));
        const bool ends_cleanly = ends && !(end + 1 < words.size() && words[end] == '.' &&
                                            std::isdigit(static_cast<unsigned char>(words[end + 1])));
        if (starts && ends_cleanly) {
            words.replace(at, bare.size(), to);
            at += to.size();
        } else {
            at = end;
        }
    }
}

void rewrite_words(Inlines& inlines, const std::string& from, const std::string& to) {
    for (auto& in : inlines) {
        if (in.kind == InlineKind::text) rewrite_number(in.text, from, to);
        rewrite_words(in.children, from, to);
    }
}

// Section 24's numbers become 24.x, and every internal reference's words follow them.
void prefix_numbering(Protocol& p, const std::string& prefix) {
    for (auto& s : p.sections) {
        if (s.kind == model::SectionKind::preamble) continue;
        prefix_number(prefix, s.number);
        for (auto& c : s.clauses) prefix_number(prefix, c.number);
    }
    for_each_inline(p, [&](Inline& in) {
        if (in.kind != InlineKind::reference || in.reference < 0 ||
            in.reference >= static_cast<int>(p.references.size()))
            return;
        auto& ref = p.references[static_cast<std::size_t>(in.reference)];
        if (ref.kind != model::ReferenceKind::internal) return;
        for (const auto& t : ref.targets) rewrite_words(in.children, t.number, prefixed_number(prefix, t.number));
    });
    for (auto& ref : p.references)
        if (ref.kind == model::ReferenceKind::internal)
            for (auto& t : ref.targets) t.number = prefixed_number(prefix, t.number);
}

// ------------------------------------------------------------ adoption records

using model::make::paragraph;
using model::make::strong_paragraph;
using model::make::text;

// A record table: dates read as everywhere else ("1 May 2024"); an empty cell is a dash.
Block table(std::vector<std::vector<std::string>> rows) {
    for (auto& cells : rows)
        for (auto& c : cells) c = c.empty() ? "\xE2\x80\x94" : model::date_in_words(c);
    return model::make::table(rows);
}

VersionRecord current_version(const model::Metadata& m) {
    return {m.version, model::to_string(m.status), m.adopted, m.adopted_by, m.minute, m.supersedes, "this version"};
}

// The adoption record (this version, from the front matter) and the version history.
std::vector<Block> adoption_record(const model::Metadata& meta, const ManifestSection& s) {
    const VersionRecord now = current_version(meta);
    std::vector<Block> out;
    out.push_back(strong_paragraph("Adoption record"));
    out.push_back(table({{"Version", "Status", "Date adopted", "Adopted by", "Minute reference", "Supersedes"},
                         {now.version, now.status, now.adopted, now.adopted_by, now.minute, now.supersedes}}));
    out.push_back(strong_paragraph("Version history"));
    std::vector<std::vector<std::string>> rows = {
        {"Version", "Status", "Date adopted", "Adopted by", "Minute reference", "Note"}};
    for (const auto& v : s.history) rows.push_back({v.version, v.status, v.adopted, v.adopted_by, v.minute, v.note});
    rows.push_back({now.version, now.status, now.adopted, now.adopted_by, now.minute, now.note});
    out.push_back(table(rows));
    return out;
}

Section heading_section(const std::string& id, int level, const std::string& heading, std::vector<Block> intro) {
    Section s;
    s.id = id;
    s.id_given = true;
    s.kind = model::SectionKind::division;
    s.level = level;
    s.heading = {text(heading)};
    s.intro = std::move(intro);
    return s;
}

std::string titled(const char* word, const std::string& number, const std::string& title) {
    if (number.empty()) return title;
    return std::string(word) + " " + number + " \xE2\x80\x94 " + title;
}

// ------------------------------------------------------------ constitution references

std::string normalized(const std::string& name) {
    std::string out;
    for (char c : name)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// Where each Part and each named document is in the assembled constitution.
struct Places {
    std::map<std::string, std::string> parts;      // "3" -> "part-3"
    std::map<std::string, std::string> documents;  // normalized name -> section id

    // The id a constitution reference points at, "" when none.
    std::string find(const model::Reference& ref) const {
        if (!ref.document.empty()) {
            auto it = documents.find(normalized(ref.document));
            if (it != documents.end()) return it->second;
        }
        if (!ref.part.empty()) {
            auto it = parts.find(ref.part);
            if (it != parts.end()) return it->second;
        }
        return {};
    }
};

void resolve_constitution_references(Protocol& p, const Places& places, model::Diagnostics& diags) {
    for (auto& ref : p.references) {
        if (ref.kind != model::ReferenceKind::constitution) continue;
        const std::string id = places.find(ref);
        if (id.empty()) {
            std::string message = "'";
            message += ref.text.empty() ? ref.document + ref.part : ref.text;
            message += "' matches no Part or Section of this constitution";
            diags.warning(p.source_path, ref.pos, message);
            continue;
        }
        model::ReferenceTarget target;
        target.number = ref.part;
        target.clause_id = id;
        ref.targets = {target};
        ref.resolved = true;
    }
}

}  // namespace

Constitution assemble(const Manifest& m, const std::vector<Protocol>& protocols, model::Diagnostics& diags) {
    Constitution out;
    Protocol& whole = out.whole;
    whole.source_path = m.path;
    whole.meta.title = m.title;
    whole.meta.council = m.council;
    whole.meta.version = m.version;
    whole.meta.status = m.status;
    whole.meta.adopted = m.adopted;
    whole.meta.adopted_by = m.adopted_by;

    Places places;
    for (const auto& part : m.parts) {
        places.parts.emplace(part.number, "part-" + model::slugify(part.number, 4));
        for (std::size_t i = 0; i < part.sections.size(); ++i) {
            const auto& s = part.sections[i];
            const std::string key = section_key(part, s, i);
            std::vector<std::string> names = s.aliases;
            names.push_back(s.title);
            for (const auto& p : protocols)
                if (p.source_path == s.source) names.push_back(p.meta.title);
            for (const auto& name : names)
                if (!name.empty()) places.documents.emplace(normalized(name), key);
        }
    }

    std::size_t next_source = 0;
    for (const auto& part : m.parts) {
        whole.sections.push_back(
            heading_section(places.parts[part.number], 2, titled("Part", part.number, part.title), {}));
        for (std::size_t i = 0; i < part.sections.size(); ++i) {
            const auto& entry = part.sections[i];
            const std::string key = section_key(part, entry, i);
            if (entry.source.empty()) {
                std::vector<Block> note;
                if (!entry.note.empty()) note.push_back(paragraph({text(entry.note)}));
                whole.sections.push_back(
                    heading_section(key, 3, titled("Section", entry.number, entry.title), std::move(note)));
                continue;
            }
            if (next_source >= protocols.size()) break;
            Protocol p = protocols[next_source++];
            // A committee report printed before a code is not part of the constitution.
            p.sections.erase(std::remove_if(p.sections.begin(), p.sections.end(),
                                            [](const Section& s) { return s.kind == model::SectionKind::preamble; }),
                             p.sections.end());
            // What the council adopted is the constitution: its status and adoption are the
            // section's, whatever the source said on its own.
            p.meta.status = m.status;
            if (!m.adopted.empty()) {
                p.meta.adopted = m.adopted;
                p.meta.adopted_by = m.adopted_by;
            }
            p.meta.constitution = model::ConstitutionPlace{part.number, entry.number};
            if (entry.numbering == Numbering::prefix) prefix_numbering(p, entry.number);
            prefix_ids(p, key);
            const std::string title = entry.title.empty() ? p.meta.title : entry.title;

            // Its constitution references point at their place in the whole constitution.
            resolve_constitution_references(p, places, diags);

            // The section on its own, for the site: its record first, then its words. A
            // reference to another section keeps its target, which is in another document:
            // the site links it to that section's page, a PDF or Word file shows its words.
            Protocol single = p;
            single.meta.title = titled("Section", entry.number, title);
            single.sections.insert(
                single.sections.begin(),
                heading_section(key, 2, "Adoption record and version history", adoption_record(p.meta, entry)));
            out.sections.push_back(std::move(single));

            whole.sections.push_back(
                heading_section(key, 3, titled("Section", entry.number, title), adoption_record(p.meta, entry)));
            for (auto& s : p.sections) s.level += 2;
            move_references(p, whole);
            for (auto& s : p.sections) whole.sections.push_back(std::move(s));
        }
    }
    return out;
}

}  // namespace protopub::constitution
