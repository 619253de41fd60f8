#pragma once
// A value or a message saying why there is none: the expected-style return
// used inside the library (std::expected is C++23).
#include <string>
#include <utility>
#include <variant>

namespace acctool {

struct Failure {
    std::string message;
};

template <class T>
class Result {
  public:
    Result(T value) : state_(std::move(value)) {}
    Result(Failure failure) : state_(std::move(failure)) {}

    bool ok() const { return state_.index() == 0; }
    explicit operator bool() const { return ok(); }
    const T& value() const { return std::get<0>(state_); }
    T& value() { return std::get<0>(state_); }
    const T& operator*() const { return value(); }
    const T* operator->() const { return &value(); }
    const std::string& error() const { return std::get<1>(state_).message; }

  private:
    std::variant<T, Failure> state_;
};

}  // namespace acctool
