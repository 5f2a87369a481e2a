extension String {
    /// The text with every phone-like run of 9 to 12 digits (optionally after `+`) masked but for
    /// its first four and last three characters: `+84912345678` → `+849*****678`, for logs.
    public var maskingPhoneNumbers: String {
        var result = ""
        var run = ""
        func flush() {
            let digits = run.filter(\.isNumber).count
            if (9...12).contains(digits) {
                result += run.prefix(4) + String(repeating: "*", count: max(0, run.count - 7)) + run.suffix(3)
            } else {
                result += run
            }
            run = ""
        }
        for character in self {
            if character.isASCII && character.isNumber || (character == "+" && run.isEmpty) {
                run.append(character)
            } else {
                flush()
                result.append(character)
            }
        }
        flush()
        return result
    }
}
