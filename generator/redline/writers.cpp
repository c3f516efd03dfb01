// The change model as data: JSON, CSV, and the schedule of changes.
#include <charconv>
#include <cmath>
#include <cstring>

#include "model/serialize.hpp"
#include "model/text.hpp"
#include "redline/redline.hpp"

namespace protopub::redline {

using model::ChangeKind;
using namespace std::string_view_literals;

namespace {

using model::append_csv_row;

// Writes a document of many short pieces through a pointer, after making room for the
// most the next piece can take: appending each piece to the string checked its capacity
// and called memcpy, which cost more than the bytes themselves.
class Writer {
public:
    // `expected`: the document's likely size, reserved at once.
    Writer(std::string& out, std::size_t expected) : out_(out), used_(out.size()) { out_.reserve(used_ + expected); }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;
    ~Writer() { out_.resize(used_); }
    // Room for `n` bytes from the pointer returned; wrote() says where they ended. (The
    // string is lengthened a stretch at a time: each stretch is filled with zeros first.)
    char* room(std::size_t n) {
        if (out_.size() - used_ < n) out_.resize(used_ + std::max<std::size_t>(n, 1 << 16));
        return out_.data() + used_;
    }
    void wrote(const char* end) { used_ = static_cast<std::size_t>(end - out_.data()); }

private:
    std::string& out_;
    std::size_t used_;
};

char* put(char* at, std::string_view s) {
    std::memcpy(at, s.data(), s.size());
    return at + s.size();
}

// The most a side's refs take in JSON (the first twice when there are parts).
std::size_t refs_room(const std::vector<ClauseRef>& refs) {
    std::size_t n = 64;
    for (const ClauseRef& r : refs) n += 2 * (model::json_room(r.id) + model::json_room(r.number) + 16);
    return n;
}

char* write_ref(char* at, const ClauseRef& ref) {
    at = put(at, "{\"id\":"sv);
    at = model::write_json_string(at, ref.id);
    at = put(at, ",\"number\":"sv);
    at = model::write_json_string(at, ref.number);
    *at++ = '}';
    return at;
}

char* write_refs(char* at, std::string_view name, const std::vector<ClauseRef>& refs) {
    at = put(at, ",\""sv);
    at = put(at, name);
    at = put(at, "\":"sv);
    at = refs.empty() ? put(at, "null"sv) : write_ref(at, refs[0]);
    if (refs.size() > 1) {
        at = put(at, ",\""sv);
        at = put(at, name);
        at = put(at, "_parts\":["sv);
        for (std::size_t k = 0; k < refs.size(); ++k) {
            if (k) *at++ = ',';
            at = write_ref(at, refs[k]);
        }
        *at++ = ']';
    }
    return at;
}

std::string joined(const std::vector<ClauseRef>& refs, std::string ClauseRef::*field, const char* separator = " ") {
    std::string out;
    for (const auto& r : refs) out += (out.empty() ? "" : separator) + r.*field;
    return out;
}

// A number written into a buffer of its own, for appending without a string of its own.
struct Digits {
    char buf[32];
    std::size_t size = 0;
    explicit Digits(int n) : size(static_cast<std::size_t>(std::to_chars(buf, buf + sizeof buf, n).ptr - buf)) {}
    // A similarity (0 to 1) as printf's "%.3f" writes it. to_chars rounds the same way but
    // costs hundreds of instructions a call: thousandths are counted here instead, except
    // within a hair of a tie, where only the exact value says which way it goes.
    explicit Digits(double similarity) {
        const double thousandths = similarity * 1000.0;
        const double nearest = std::floor(thousandths + 0.5);
        if (!(similarity >= 0.0 && similarity <= 1.0) || std::fabs(thousandths - nearest) > 0.5 - 1e-6) {
            size = static_cast<std::size_t>(
                std::to_chars(buf, buf + sizeof buf, similarity, std::chars_format::fixed, 3).ptr - buf);
            return;
        }
        const auto n = static_cast<int>(nearest);
        buf[0] = static_cast<char>('0' + n / 1000);
        buf[1] = '.';
        buf[2] = static_cast<char>('0' + n / 100 % 10);
        buf[3] = static_cast<char>('0' + n / 10 % 10);
        buf[4] = static_cast<char>('0' + n % 10);
        size = 5;
    }
    std::string_view view() const { return {buf, size}; }
};

// A side's ids or numbers as one CSV field: the field itself when there is one clause.
std::string_view joined_field(const std::vector<ClauseRef>& refs, std::string ClauseRef::*field, std::string& storage) {
    if (refs.size() == 1) return refs[0].*field;
    storage = joined(refs, field);
    return storage;
}

constexpr ChangeKind all_kinds[] = {ChangeKind::unchanged, ChangeKind::renumbered, ChangeKind::amended,
                                    ChangeKind::moved,     ChangeKind::inserted,   ChangeKind::deleted,
                                    ChangeKind::split,     ChangeKind::merged};

}  // namespace

std::string to_json(const ChangeSet& set, const model::Protocol& old, const model::Protocol& new_) {
    std::string out;
    out += "{\"old\":{\"path\":";
    out += model::json_string(old.source_path);
    out += ",\"version\":";
    out += model::json_string(old.meta.version);
    out += "},\"new\":{\"path\":";
    out += model::json_string(new_.source_path);
    out += ",\"version\":";
    out += model::json_string(new_.meta.version);
    out += "},\"summary\":{";
    const ChangeSet::Counts counts = set.counts();
    for (std::size_t k = 0; k < std::size(all_kinds); ++k) {
        out += k ? ",\"" : "\"";
        out += model::to_string(all_kinds[k]);
        out += "\":" + std::to_string(counts.of(all_kinds[k]));
    }
    out += "},\"parts\":{";
    for (Part part : {Part::section, Part::introduction, Part::front_matter}) {
        out += part == Part::section ? "\"" : ",\"";
        out += to_string(part);
        out += "\":" + std::to_string(counts.of(part));
    }
    out += "},\"changes\":[";
    {
        Writer writer(out, set.changes.size() * 384);  // (330 bytes a change on the bench)
        for (std::size_t k = 0; k < set.changes.size(); ++k) {
            const Change& c = set.changes[k];
            const std::string_view kind = model::to_string(c.kind), part = to_string(c.part);
            // the words written, at most; Digits, the literals and the kind and part fit in 1024
            char* at = writer.room(1024 + refs_room(c.old) + refs_room(c.new_) + model::json_room(c.move_id) +
                                   model::json_room(c.summary));
            at = put(at, k ? ",\n{"sv : "\n{"sv);
            at = put(at, "\"kind\":"sv);
            at = model::write_json_string(at, kind);
            at = write_refs(at, "old"sv, c.old);
            at = write_refs(at, "new"sv, c.new_);
            at = put(at, ",\"words_inserted\":"sv);
            at = put(at, Digits(c.words_inserted).view());
            at = put(at, ",\"words_deleted\":"sv);
            at = put(at, Digits(c.words_deleted).view());
            at = put(at, c.amended ? ",\"amended\":true"sv : ",\"amended\":false"sv);
            at = put(at, c.replaced_whole ? ",\"replaced_whole\":true"sv : ",\"replaced_whole\":false"sv);
            at = put(at, ",\"consequential_references\":"sv);
            at = put(at, Digits(c.consequential_references).view());
            at = put(at, ",\"similarity\":"sv);
            at = put(at, Digits(c.similarity).view());
            if (!c.move_id.empty()) {
                at = put(at, ",\"move_id\":"sv);
                at = model::write_json_string(at, c.move_id);
            }
            at = put(at, ",\"part\":"sv);
            at = model::write_json_string(at, part);
            at = put(at, ",\"summary\":"sv);
            at = model::write_json_string(at, c.summary);
            *at++ = '}';
            writer.wrote(at);
        }
    }
    out += "\n]}\n";
    return out;
}

std::string to_csv(const ChangeSet& set) {
    std::string out;
    append_csv_row(out, {"kind", "part", "old_id", "old_number", "new_id", "new_number", "words_inserted",
                         "words_deleted", "amended", "consequential_references", "similarity", "summary"});
    {
        Writer writer(out, set.changes.size() * 160);            // (134 bytes a change on the bench)
        std::string old_ids, old_numbers, new_ids, new_numbers;  // for a clause split or merged
        for (const Change& c : set.changes) {
            const Digits inserted(c.words_inserted), deleted(c.words_deleted),
                consequential(c.consequential_references), similarity(c.similarity);
            const std::initializer_list<std::string_view> row = {model::to_string(c.kind),
                                                                 to_string(c.part),
                                                                 joined_field(c.old, &ClauseRef::id, old_ids),
                                                                 joined_field(c.old, &ClauseRef::number, old_numbers),
                                                                 joined_field(c.new_, &ClauseRef::id, new_ids),
                                                                 joined_field(c.new_, &ClauseRef::number, new_numbers),
                                                                 inserted.view(),
                                                                 deleted.view(),
                                                                 c.amended ? "yes" : "no",
                                                                 consequential.view(),
                                                                 similarity.view(),
                                                                 c.summary};
            writer.wrote(model::write_csv_row(writer.room(model::csv_row_room(row)), row));
        }
    }
    return out;
}

namespace {

// "Section 4"; "" for a front-matter field.
std::string locator(const Change& c, const std::vector<ClauseRef>& refs) {
    if (refs.empty()) return "";
    if (c.part == Part::clause) return joined(refs, &ClauseRef::number, " and ");
    if (c.part == Part::front_matter || refs[0].number.empty()) return "";
    return "Section " + refs[0].number;
}

std::string schedule_kind(const Change& c) {
    const std::string kind = model::to_string(c.kind);
    switch (c.part) {
        case Part::clause: return c.kind == ChangeKind::unchanged ? "consequential" : kind;
        case Part::section: return c.kind == ChangeKind::amended ? "heading amended" : "section " + kind;
        case Part::introduction: return "introduction " + kind;
        case Part::front_matter: return "front matter";
    }
    return kind;
}

// Consecutive renumbered clauses (and the renumbered section headings among them) are
// one row: "3.2 to 3.9" -> "3.3 to 3.10".
class RenumberedRun {
public:
    bool add(const Change& c) {
        const bool renumbered_clause =
            c.part == Part::clause && c.kind == ChangeKind::renumbered && !c.consequential_references;
        if (!renumbered_clause && !(c.part == Part::section && c.kind == ChangeKind::renumbered)) return false;
        auto& [first, last] = c.part == Part::clause ? clauses_ : sections_;
        if (!first) first = &c;
        last = &c;
        return true;
    }

    void flush(std::vector<ScheduleRow>& rows) {
        if (clauses_.first) {
            std::string summary = "Renumbered; wording unchanged";
            if (sections_.first)
                summary += "; " + plural(sections_, "section") + " " + range(sections_, &Change::old) + " renumbered " +
                           range(sections_, &Change::new_);
            rows.push_back({range(clauses_, &Change::old), range(clauses_, &Change::new_), "renumbered", summary,
                            clauses_.first->new_[0].id});
        } else if (sections_.first) {
            rows.push_back({plural(sections_, "Section") + " " + range(sections_, &Change::old),
                            plural(sections_, "Section") + " " + range(sections_, &Change::new_), "section renumbered",
                            "Renumbered; heading unchanged", sections_.first->new_[0].id});
        }
        clauses_ = sections_ = {};
    }

private:
    struct Span {
        const Change* first = nullptr;
        const Change* last = nullptr;
    };
    static std::string range(const Span& span, std::vector<ClauseRef> Change::*side) {
        const std::string& first = (span.first->*side)[0].number;
        return span.first == span.last ? first : first + " to " + (span.last->*side)[0].number;
    }
    static std::string plural(const Span& span, const std::string& noun) {
        return span.first == span.last ? noun : noun + "s";
    }
    Span clauses_, sections_;
};

}  // namespace

std::vector<ScheduleRow> schedule_of_changes(const ChangeSet& set) {
    std::vector<ScheduleRow> rows;
    RenumberedRun run;
    for (const Change& c : set.changes) {
        if (run.add(c)) continue;
        run.flush(rows);
        if (c.part == Part::clause && c.kind == ChangeKind::unchanged && !c.consequential_references) continue;
        ScheduleRow row;
        row.old_number = locator(c, c.old);
        row.new_number = locator(c, c.new_);
        row.kind = schedule_kind(c);
        row.summary = c.summary;
        if (c.part != Part::front_matter) row.anchor = c.new_.empty() ? c.old[0].id : c.new_[0].id;
        rows.push_back(std::move(row));
    }
    run.flush(rows);
    return rows;
}

std::string schedule_csv(const std::vector<ScheduleRow>& rows) {
    std::string out;
    append_csv_row(out, {"old_number", "new_number", "kind", "summary"});
    for (const auto& r : rows) append_csv_row(out, {r.old_number, r.new_number, r.kind, r.summary});
    return out;
}

model::Protocol build_schedule(const std::vector<ScheduleRow>& rows, const model::Protocol& old,
                               const model::Protocol& new_) {
    auto text = [](std::string s) {
        model::Inline in;
        in.text = std::move(s);
        return model::Inlines{in};
    };
    model::Protocol p;
    p.source_path = new_.source_path;
    p.meta = new_.meta;
    p.meta.title = "Schedule of changes: " + new_.meta.title;
    model::Section section;
    section.id = "schedule-of-changes";
    section.id_given = true;
    section.heading = text("Changes from version " + old.meta.version + " to version " + new_.meta.version);
    model::Block intro;
    intro.inlines = text(rows.empty() ? "There are no changes."
                                      : std::to_string(rows.size()) + " change" + (rows.size() == 1 ? "" : "s") + ".");
    section.intro.push_back(std::move(intro));
    if (!rows.empty()) {
        model::Block table;
        table.kind = model::BlockKind::table;
        table.align = {model::Align::left, model::Align::left, model::Align::left, model::Align::left};
        auto add_row = [&](bool header, std::vector<std::string> cells) {
            model::TableRow row;
            row.header = header;
            for (auto& c : cells) row.cells.push_back({text(std::move(c))});
            table.rows.push_back(std::move(row));
        };
        add_row(true, {"Old paragraph", "New paragraph", "Change", "Summary"});
        for (const auto& r : rows) add_row(false, {r.old_number, r.new_number, r.kind, r.summary});
        section.intro.push_back(std::move(table));
    }
    p.sections.push_back(std::move(section));
    return p;
}

}  // namespace protopub::redline
