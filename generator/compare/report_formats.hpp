// Internals of the report shared by its format writers (not part of the public API).
#pragma once

#include <string>
#include <vector>

#include "compare/report.hpp"
#include "redline/redline.hpp"

namespace protopub::compare::detail {

const model::Clause& clause_of(const Comparison& cmp, const std::vector<model::Protocol>& protocols, UnitRef ref);
std::string clause_text(const Comparison& cmp, const std::vector<model::Protocol>& protocols, UnitRef ref);
const Unit& unit_of(const Comparison& cmp, UnitRef ref);

// A clause's words with its paragraphs and list items marked, so that a word diff of two
// clauses can still be set out as paragraphs and lists: a paragraph after the first starts
// with paragraph_mark, a list item with item_mark (each a word of its own).
constexpr const char* paragraph_mark = "\u00b6";
constexpr const char* item_mark = "\u2022";
std::string structured_text(const Comparison& cmp, const std::vector<model::Protocol>& protocols, UnitRef ref);

// Word diffs between councils' clauses: they are rewordings, not amendments, so the
// shared words are shown however much else changed (never "replaced whole").
redline::Options diff_options();

// Whether a space goes between two pieces of a diff: not before closing punctuation, not
// after an opening bracket or quote.
bool space_between(const std::string& before, const std::string& after);

// index.html, council-*.html and the stylesheets, through the XHTML templates.
bool render_html(const Comparison& cmp, const std::vector<model::Protocol>& protocols,
                 const std::vector<DocumentView>& views, const std::string& templates_dir, io::OutputSet& out,
                 model::Diagnostics& diags);

// The report as a Protocol, for the document renderers (comparison.pdf, comparison.docx).
model::Protocol report_document(const Comparison& cmp, const std::vector<model::Protocol>& protocols,
                                const std::vector<DocumentView>& views);

}  // namespace protopub::compare::detail
