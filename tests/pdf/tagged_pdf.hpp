// Reading a written PDF's logical structure as assistive technology does, independently
// of the writer: qpdf rewrites the file uncompressed (QDF), and a small PDF object
// parser walks the catalog, the structure tree, the parent tree, the annotations and
// every page's content stream.
#pragma once

#include <cctype>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "pdf/pdf_tools.hpp"

namespace tagged_pdf {

// ---------------------------------------------------------------- PDF objects

struct Value {
    enum class Kind { null, boolean, number, name, string, array, dict, ref, op } kind = Kind::null;
    std::string text;                      // number, name (without '/'), string bytes, operator
    int ref = 0;                           // object number of an indirect reference
    std::vector<Value> items;              // array
    std::map<std::string, Value> entries;  // dict
    const Value* get(const std::string& key) const {
        const auto it = entries.find(key);
        return it == entries.end() ? nullptr : &it->second;
    }
    double number() const { return kind == Kind::number ? std::stod(text) : 0; }
};

class Parser {
public:
    explicit Parser(const std::string& s, std::size_t pos = 0) : s_(s), pos_(pos) {}
    bool at_end() {
        skip();
        return pos_ >= s_.size();
    }
    // One object; in a content stream an operator comes back as Kind::op.
    Value next() {
        skip();
        Value v;
        if (pos_ >= s_.size()) return v;
        const char c = s_[pos_];
        if (c == '/') {
            ++pos_;
            v.kind = Value::Kind::name;
            v.text = word();
        } else if (c == '(') {
            v.kind = Value::Kind::string;
            v.text = literal();
        } else if (c == '<' && s_.compare(pos_, 2, "<<") == 0) {
            pos_ += 2;
            v.kind = Value::Kind::dict;
            while (!at_end() && s_.compare(pos_, 2, ">>") != 0) {
                Value key = next();
                v.entries[key.text] = next();
            }
            pos_ += 2;
        } else if (c == '<') {
            v.kind = Value::Kind::string;
            const std::size_t end = s_.find('>', pos_);
            std::string hex;
            for (std::size_t i = pos_ + 1; i < end; ++i)
                if (std::isxdigit(static_cast<unsigned char>(s_[i]))) hex += s_[i];
            for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
                v.text += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
            pos_ = end + 1;
        } else if (c == '[') {
            ++pos_;
            v.kind = Value::Kind::array;
            while (!at_end() && s_[pos_] != ']') v.items.push_back(next());
            ++pos_;
        } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.') {
            v.kind = Value::Kind::number;
            v.text = word();
            // "12 0 R": an indirect reference
            const std::size_t save = pos_;
            Parser look(s_, pos_);
            const Value gen = look.next();
            if (gen.kind == Value::Kind::number && look.peek_word() == "R") {
                look.word();
                v.kind = Value::Kind::ref;
                v.ref = std::stoi(v.text);
                pos_ = look.pos_;
            } else {
                pos_ = save;
            }
        } else {
            v.text = word();
            if (v.text == "true" || v.text == "false")
                v.kind = Value::Kind::boolean;
            else if (v.text == "null")
                v.kind = Value::Kind::null;
            else
                v.kind = Value::Kind::op;
            if (v.text.empty()) ++pos_;  // a stray delimiter
        }
        return v;
    }

private:
    static bool delimiter(char c) { return std::string_view("()<>[]{}/%").find(c) != std::string_view::npos; }
    void skip() {
        while (pos_ < s_.size()) {
            if (std::isspace(static_cast<unsigned char>(s_[pos_])))
                ++pos_;
            else if (s_[pos_] == '%')
                pos_ = s_.find('\n', pos_) == std::string::npos ? s_.size() : s_.find('\n', pos_);
            else
                break;
        }
    }
    std::string word() {
        const std::size_t start = pos_;
        while (pos_ < s_.size() && !std::isspace(static_cast<unsigned char>(s_[pos_])) && !delimiter(s_[pos_])) ++pos_;
        return s_.substr(start, pos_ - start);
    }
    std::string peek_word() {
        skip();
        const std::size_t save = pos_;
        std::string w = word();
        pos_ = save;
        return w;
    }
    std::string literal() {
        std::string out;
        int depth = 0;
        for (++pos_; pos_ < s_.size(); ++pos_) {
            const char c = s_[pos_];
            if (c == '\\' && pos_ + 1 < s_.size()) {
                const char e = s_[++pos_];
                out += e == 'n' ? '\n' : e == 'r' ? '\r' : e == 't' ? '\t' : e;
                continue;
            }
            if (c == '(') ++depth;
            if (c == ')' && depth-- == 0) break;
            out += c;
        }
        ++pos_;
        return out;
    }
    const std::string& s_;
    std::size_t pos_;
};

// A PDF rewritten by qpdf with every object uncompressed and outside object streams.
struct Document {
    std::map<int, Value> objects;
    std::map<int, std::string> streams;  // decoded stream data by object number

    explicit Document(const std::string& path) {
        const std::string qdf =
            pdf_tools::run("qpdf --qdf --object-streams=disable --decode-level=generalized '" + path + "' -");
        for (std::size_t at = 0; (at = qdf.find(" 0 obj\n", at)) != std::string::npos; at += 7) {
            std::size_t start = at;
            while (start > 0 && std::isdigit(static_cast<unsigned char>(qdf[start - 1]))) --start;
            if (start == at || (start > 0 && qdf[start - 1] != '\n')) continue;
            const int number = std::stoi(qdf.substr(start, at - start));
            Parser p(qdf, at + 7);
            objects[number] = p.next();
            const std::size_t stream = qdf.find("stream\n", at + 7);
            const std::size_t end = qdf.find("endobj", at + 7);
            if (stream != std::string::npos && stream < end) {
                const std::size_t data = stream + 7;
                const std::size_t stop = qdf.rfind("endstream", end);
                streams[number] = qdf.substr(data, stop - data);
            }
        }
    }
    const Value& resolve(const Value& v) const {
        static const Value null;
        if (v.kind != Value::Kind::ref) return v;
        const auto it = objects.find(v.ref);
        return it == objects.end() ? null : it->second;
    }
    const Value* catalog() const {
        for (const auto& [n, v] : objects)
            if (const Value* t = v.get("Type"); t && t->text == "Catalog") return &v;
        return nullptr;
    }
    // Page object numbers in page order.
    std::vector<int> pages() const {
        std::vector<int> out;
        const Value* cat = catalog();
        if (!cat || !cat->get("Pages")) return out;
        collect_pages(*cat->get("Pages"), out);
        return out;
    }

private:
    void collect_pages(const Value& node, std::vector<int>& out) const {
        const Value& n = resolve(node);
        const Value* type = n.get("Type");
        if (type && type->text == "Page") {
            out.push_back(node.ref);
            return;
        }
        if (const Value* kids = n.get("Kids"))
            for (const auto& k : kids->items) collect_pages(k, out);
    }
};

// ---------------------------------------------------------------- what the checks report

struct ContentUse {
    int page = 0, mcid = 0;
};

struct Report {
    std::vector<std::string> problems;  // empty when the file is well tagged
    std::vector<std::string> roles;     // every element's role, in tree order
    std::vector<std::string> empty;     // roles of elements with no content and no children
    std::vector<ContentUse> reading;    // marked content in the tree's order
    int text_operators = 0, in_artifacts = 0, in_elements = 0, links = 0;
    std::map<std::string, int> th_scopes;  // Scope -> count
    std::string lang;
    bool display_doc_title = false, marked = false;
};

// Walks the structure tree and every page; see Report.
inline Report check(const std::string& path) {
    Report r;
    const Document doc(path);
    auto problem = [&](const std::string& what) {
        if (r.problems.size() < 20) r.problems.push_back(what);
    };
    const Value* cat = doc.catalog();
    if (!cat) {
        problem("no catalog");
        return r;
    }
    if (const Value* lang = cat->get("Lang")) r.lang = lang->text;
    if (const Value* mi = cat->get("MarkInfo"); mi && doc.resolve(*mi).get("Marked"))
        r.marked = doc.resolve(*mi).get("Marked")->text == "true";
    if (const Value* vp = cat->get("ViewerPreferences"); vp && doc.resolve(*vp).get("DisplayDocTitle"))
        r.display_doc_title = doc.resolve(*vp).get("DisplayDocTitle")->text == "true";
    const Value* root_ref = cat->get("StructTreeRoot");
    if (!root_ref) {
        problem("no StructTreeRoot");
        return r;
    }
    const Value& root = doc.resolve(*root_ref);
    const std::vector<int> pages = doc.pages();
    std::map<int, int> page_index;
    for (std::size_t i = 0; i < pages.size(); ++i) page_index[pages[i]] = static_cast<int>(i);

    // The tree: which element owns each (page, MCID), and each annotation's Link element.
    std::map<std::pair<int, int>, int> owner;  // (page object, mcid) -> element object
    std::map<int, int> annotation_owner;       // annotation object -> Link element object
    std::set<int> seen;
    std::function<void(const Value&, int)> walk = [&](const Value& ref, int parent) {
        if (ref.kind != Value::Kind::ref) {
            problem("a structure element that is not an indirect object");
            return;
        }
        if (!seen.insert(ref.ref).second) {
            problem("element " + std::to_string(ref.ref) + " is in the tree twice");
            return;
        }
        const Value& e = doc.resolve(ref);
        const Value* s = e.get("S");
        const std::string role = s ? s->text : "";
        r.roles.push_back(role);
        const Value* p = e.get("P");
        if (!p || p->kind != Value::Kind::ref || p->ref != parent) problem(role + " element's /P is not its parent");
        if (role == "TH") {
            const Value* a = e.get("A");
            const Value* scope = a ? doc.resolve(*a).get("Scope") : nullptr;
            ++r.th_scopes[scope ? scope->text : ""];
        }
        const int own_page = e.get("Pg") && e.get("Pg")->kind == Value::Kind::ref ? e.get("Pg")->ref : 0;
        const Value* k = e.get("K");
        if (!k || (k->kind == Value::Kind::array && k->items.empty())) {
            r.empty.push_back(role);
            return;
        }
        std::vector<Value> kids = k->kind == Value::Kind::array ? k->items : std::vector<Value>{*k};
        for (const Value& kid : kids) {
            if (kid.kind == Value::Kind::number) {
                if (!own_page) problem(role + " has a bare MCID but no /Pg");
                owner[{own_page, static_cast<int>(kid.number())}] = ref.ref;
                r.reading.push_back({page_index[own_page], static_cast<int>(kid.number())});
                continue;
            }
            const Value& d = kid.kind == Value::Kind::ref ? doc.resolve(kid) : kid;
            const Value* type = d.get("Type");
            if (type && type->text == "MCR") {
                const int pg = d.get("Pg") ? d.get("Pg")->ref : own_page;
                const int mcid = d.get("MCID") ? static_cast<int>(d.get("MCID")->number()) : -1;
                owner[{pg, mcid}] = ref.ref;
                r.reading.push_back({page_index[pg], mcid});
            } else if (type && type->text == "OBJR") {
                if (role != "Link") problem("an OBJR outside a Link element");
                if (const Value* obj = d.get("Obj")) annotation_owner[obj->ref] = ref.ref;
            } else {
                walk(kid, ref.ref);
            }
        }
    };
    if (const Value* k = root.get("K")) {
        std::vector<Value> kids = k->kind == Value::Kind::array ? k->items : std::vector<Value>{*k};
        for (const Value& kid : kids) walk(kid, root_ref->ref);
    }

    // The parent tree: page StructParents -> array of elements by MCID; annotations -> element.
    std::map<int, Value> parent_tree;
    if (const Value* pt = root.get("ParentTree")) {
        const Value* nums = doc.resolve(*pt).get("Nums");
        if (!nums) problem("ParentTree without /Nums");
        for (std::size_t i = 0; nums && i + 1 < nums->items.size(); i += 2)
            parent_tree[static_cast<int>(nums->items[i].number())] = nums->items[i + 1];
    } else {
        problem("no ParentTree");
    }

    for (const int page : pages) {
        const Value& pg = doc.objects.at(page);
        const Value* sp = pg.get("StructParents");
        const Value* by_mcid = sp && parent_tree.count(static_cast<int>(sp->number()))
                                   ? &doc.resolve(parent_tree.at(static_cast<int>(sp->number())))
                                   : nullptr;
        // The page's content: every text operator inside an Artifact or an MCID of the tree.
        std::string content;
        if (const Value* c = pg.get("Contents")) {
            std::vector<Value> parts = c->kind == Value::Kind::array ? c->items : std::vector<Value>{*c};
            for (const auto& part : parts)
                content += doc.streams.count(part.ref) ? doc.streams.at(part.ref) + "\n" : "";
        }
        struct Mark {
            bool artifact = false;
            int mcid = -1;
        };
        std::vector<Mark> stack;
        std::vector<Value> operands;
        Parser ps(content);
        while (!ps.at_end()) {
            Value v = ps.next();
            if (v.kind != Value::Kind::op) {
                operands.push_back(std::move(v));
                continue;
            }
            const std::string& op = v.text;
            if (op == "BMC" || op == "BDC") {
                Mark m;
                m.artifact = !operands.empty() && operands.front().text == "Artifact";
                if (op == "BDC" && operands.size() >= 2) {
                    const Value& props = operands[1];
                    if (const Value* id = props.get("MCID")) m.mcid = static_cast<int>(id->number());
                }
                if (m.mcid >= 0) {
                    if (!owner.count({page, m.mcid}))
                        problem("page " + std::to_string(page_index[page] + 1) + ": MCID " + std::to_string(m.mcid) +
                                " belongs to no structure element");
                    const bool listed = by_mcid && m.mcid < static_cast<int>(by_mcid->items.size()) &&
                                        by_mcid->items[m.mcid].ref == owner[{page, m.mcid}];
                    if (!listed)
                        problem("page " + std::to_string(page_index[page] + 1) + ": MCID " + std::to_string(m.mcid) +
                                " is not in the ParentTree");
                }
                stack.push_back(m);
            } else if (op == "EMC") {
                if (stack.empty())
                    problem("EMC without BMC/BDC");
                else
                    stack.pop_back();
            } else if (op == "Tj" || op == "TJ" || op == "'" || op == "\"") {
                ++r.text_operators;
                bool artifact = false, element = false;
                for (const Mark& m : stack) {
                    artifact = artifact || m.artifact;
                    element = element || m.mcid >= 0;
                }
                r.in_artifacts += artifact;
                r.in_elements += element && !artifact;
                if (!artifact && !element)
                    problem("page " + std::to_string(page_index[page] + 1) + ": text shown outside marked content");
            }
            operands.clear();
        }
        if (!stack.empty()) problem("unclosed marked content on page " + std::to_string(page_index[page] + 1));

        if (const Value* annots = pg.get("Annots")) {
            for (const Value& a : doc.resolve(*annots).items) {
                const Value& annot = doc.resolve(a);
                const Value* sub = annot.get("Subtype");
                if (!sub || sub->text != "Link") continue;
                ++r.links;
                if (!annotation_owner.count(a.ref)) problem("a link annotation with no Link element");
                const Value* key = annot.get("StructParent");
                if (!key || !parent_tree.count(static_cast<int>(key->number())) ||
                    parent_tree.at(static_cast<int>(key->number())).ref != annotation_owner[a.ref])
                    problem("a link annotation whose StructParent does not lead to its Link element");
                if (!annot.get("Contents")) problem("a link annotation without /Contents");
            }
        }
    }
    return r;
}

// ---------------------------------------------------------------- bookmarks

struct Bookmark {
    int depth = 0;      // 0 = top level
    int page = 0;       // 1-based; 0 when the destination is not a page of the document
    std::string title;  // UTF-8
};

// A PDF text string (UTF-16BE with a byte-order mark, or PDFDocEncoding taken as Latin-1) as UTF-8.
inline std::string text_string(const std::string& bytes) {
    std::string out;
    const auto put = [&](char32_t c) {
        if (c < 0x80)
            out += static_cast<char>(c);
        else if (c < 0x800)
            out += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
        else if (c < 0x10000)
            out += {static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                    static_cast<char>(0x80 | (c & 0x3F))};
        else
            out += {static_cast<char>(0xF0 | (c >> 18)), static_cast<char>(0x80 | ((c >> 12) & 0x3F)),
                    static_cast<char>(0x80 | ((c >> 6) & 0x3F)), static_cast<char>(0x80 | (c & 0x3F))};
    };
    if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0xFE &&
        static_cast<unsigned char>(bytes[1]) == 0xFF) {
        for (std::size_t i = 2; i + 1 < bytes.size(); i += 2) {
            char32_t unit = (static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1]);
            if (unit >= 0xD800 && unit < 0xDC00 && i + 3 < bytes.size()) {
                const char32_t low =
                    (static_cast<unsigned char>(bytes[i + 2]) << 8) | static_cast<unsigned char>(bytes[i + 3]);
                unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
            put(unit);
        }
        return out;
    }
    for (unsigned char c : bytes) put(c);
    return out;
}

// The outline in document order, each entry with its depth and the page it leads to.
inline std::vector<Bookmark> bookmarks(const std::string& path) {
    std::vector<Bookmark> out;
    const Document doc(path);
    const Value* cat = doc.catalog();
    if (!cat || !cat->get("Outlines")) return out;
    const std::vector<int> pages = doc.pages();
    std::function<void(const Value*, int)> walk = [&](const Value* first, int depth) {
        for (const Value* at = first; at && at->kind == Value::Kind::ref;) {
            const Value& item = doc.resolve(*at);
            Bookmark b;
            b.depth = depth;
            if (const Value* t = item.get("Title")) b.title = text_string(t->text);
            if (const Value* d = item.get("Dest"); d && !doc.resolve(*d).items.empty()) {
                const int target = doc.resolve(*d).items.front().ref;
                for (std::size_t p = 0; p < pages.size(); ++p)
                    if (pages[p] == target) b.page = static_cast<int>(p) + 1;
            }
            out.push_back(b);
            walk(item.get("First"), depth + 1);
            at = item.get("Next");
        }
    };
    walk(doc.resolve(*cat->get("Outlines")).get("First"), 0);
    return out;
}

}  // namespace tagged_pdf
