// Where protopub's data (templates, reference.docx, PDF style) lives, found at run time so an
// installed or moved binary works: $PROTOPUB_DATA_DIR, then <exe>/../share/protopub (an
// install), then <exe>/protopub-data (the link CMake leaves in a build tree).
#pragma once

#include <string>

namespace protopub::io {

// The first candidate folder that exists; "" when none does (the caller reports it).
std::string default_data_dir();

}  // namespace protopub::io
