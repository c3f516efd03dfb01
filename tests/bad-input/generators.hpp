// Large bad inputs are generated when the test runs, never committed.
#pragma once

#include <string>

namespace bad_input {

// Writes the input called `name` to `path`:
//   big-source    a 50 MB source (a valid protocol, far past the size limit)
//   many-clauses  a valid source with 10,000 clauses, all starting with the same words
//   deep-lists    a clause holding lists nested 5,000 deep
//   deep-quotes   a clause holding quotes nested 100,000 deep
//   long-line     a clause that is one 1 MB line
//   zip-bomb      a .docx whose document part inflates to 1 GiB
// An unknown name fails the test.
void generate(const std::string& name, const std::string& path);

}  // namespace bad_input
