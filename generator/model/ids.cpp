#include "model/ids.hpp"

#include <cctype>

#include "model/text.hpp"

namespace protopub::model {

std::string IdAllocator::make(const std::string& wanted) {
    std::string base = wanted.empty() ? std::string("item") : wanted;
    if (!std::isalpha(static_cast<unsigned char>(base[0]))) base = "s-" + base;
    std::string id = base;
    if (used_.count(id)) {
        int& n = next_suffix_.try_emplace(base, 2).first->second;
        for (id = base + "-" + std::to_string(n); used_.count(id); id = base + "-" + std::to_string(++n)) {}
    }
    used_.insert(id);
    return id;
}

std::string id_from_number(std::string_view kind, std::string_view number) {
    const std::string slug = slugify(number, number.size());
    return slug.empty() ? std::string(kind) : std::string(kind) + "-" + slug;
}

std::string derive_section_id(const Section& s) {
    std::string slug = slugify(plain_text(s.heading), 5);
    if (!slug.empty()) return slug;
    return id_from_number("section", join_number(s.number.parts));
}

std::string derive_clause_id(const Clause& c) {
    std::string words = plain_text(c.heading);
    if (words.empty()) words = plain_text(c);
    std::string slug = slugify(words, 5);
    if (!slug.empty()) return slug;
    return c.number.empty() ? std::string("c-x") : id_from_number("c", join_number(c.number.parts));
}

std::string number_without_dots(std::string_view written) {
    while (!written.empty() && written.back() == '.') written.remove_suffix(1);
    return std::string(written);
}

std::string number_anchor(const std::string& number) { return "p-" + number_without_dots(number); }

bool is_valid_id(const std::string& id) {
    if (id.empty() || !std::isalpha(static_cast<unsigned char>(id[0]))) return false;
    for (char c : id)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') return false;
    return true;
}

}  // namespace protopub::model
