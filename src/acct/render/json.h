#pragma once
// A small ordered JSON value and its writer (2-space indent, UTF-8 kept,
// control characters escaped).
#include <cstdint>
#include <initializer_list>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace acctool {

class Json {
  public:
    using Object = std::vector<std::pair<std::string, Json>>;
    using Array = std::vector<Json>;

    Json() = default;  // null
    Json(std::nullptr_t) {}
    Json(bool b) : v_(b) {}
    Json(int n) : v_(static_cast<std::int64_t>(n)) {}
    Json(std::int64_t n) : v_(n) {}
    Json(double d) : v_(d) {}
    Json(const char* s) : v_(std::string(s)) {}
    Json(std::string s) : v_(std::move(s)) {}
    Json(std::string_view s) : v_(std::string(s)) {}
    Json(Array a) : v_(std::move(a)) {}
    Json(Object o) : v_(std::move(o)) {}

    // A number given in units of 10^-digits, written exactly: (67, 2) is 0.67.
    static Json decimal(std::int64_t scaled, int digits);
    // `x` rounded half up to `digits` decimals (SPEC 4: hours 2, FTE 3).
    static Json rounded(double x, int digits);

    static Json object() { return Json(Object{}); }
    static Json array() { return Json(Array{}); }
    // Appends a member to an object.
    Json& set(std::string key, Json value);
    // Appends an element to an array.
    Json& push(Json value);

    std::string dump() const;  // with a final newline

  private:
    struct Number {
        std::string text;  // already a JSON number
    };
    explicit Json(Number n) : v_(std::move(n)) {}
    void write(std::string& out, int indent) const;
    std::variant<std::monostate, bool, std::int64_t, double, std::string, Array, Object, Number> v_;
};

std::string json_quote(std::string_view s);

}  // namespace acctool
