// The heading of the list of defined terms protopub draws after a protocol (PDF, Word,
// HTML), named once: the importer knows the list by it when it reads our own output again.
#pragma once

#include <string_view>

namespace protopub::model {

inline constexpr std::string_view glossary_heading = "Defined terms";

}  // namespace protopub::model
