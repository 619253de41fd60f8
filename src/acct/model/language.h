#pragma once
// The languages acct writes in for people (SPEC 9).
#include <array>
#include <string_view>

#include "acct/model/records.h"

namespace acctool {

enum class Language { en, ru };

template <>
struct EnumNames<Language> {
    static constexpr std::array<std::string_view, 2> names{"en", "ru"};
};

}  // namespace acctool
