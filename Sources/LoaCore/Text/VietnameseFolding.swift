import Foundation

extension String {
    /// The text without Vietnamese tone and vowel marks (`Xác nhận` → `Xac nhan`, `Đ` → `D`), in NFC.
    ///
    /// Every combining mark in U+0300–U+036F is dropped after canonical decomposition, so Latin
    /// accents outside Vietnamese (é, ü) fold too; letters of other scripts are kept as they are.
    public var foldedVietnamese: String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return self }
        // Fast path for Latin text (all Vietnamese, NFC or NFD): map each precomposed letter to its
        // base through a table; the result holds no marks, so it is already NFC.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                bytes.append(UInt8(value))
            } else if (0x0300...0x036F).contains(value) {
                continue
            } else if value == 0x0111 || value == 0x0110 {
                bytes.append(value == 0x0111 ? UInt8(ascii: "d") : UInt8(ascii: "D"))
            } else if let base = LatinFolding.base(of: value) {
                UTF8.encode(base) { bytes.append($0) }
            } else {
                return foldedByDecomposition
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The key two spellings of a name or keyword share: folded, lowercased, blanks collapsed to
    /// single spaces and trimmed (`"  XÁC   nhận "` and `"xac nhan"` both give `xac nhan`).
    public var matchKey: String {
        foldedVietnamese.lowercased().collapsingBlanks
    }

    /// The general fold: NFD, marks U+0300–U+036F dropped, đ/Đ mapped, NFC.
    var foldedByDecomposition: String {
        var scalars = String.UnicodeScalarView()
        for scalar in decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.value {
            case 0x0300...0x036F: continue
            case 0x0111: scalars.append("d")
            case 0x0110: scalars.append("D")
            default: scalars.append(scalar)
            }
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }
}

/// Base letters of the precomposed Latin letters (U+00C0–U+024F, U+1E00–U+1EFF), derived once
/// from Foundation's canonical decomposition.
enum LatinFolding {
    static let ranges: [ClosedRange<UInt32>] = [0x00C0...0x024F, 0x1E00...0x1EFF]

    /// The scalar `value` folds to, or nil when the table cannot say (outside its ranges, or a
    /// decomposition with marks beyond U+0300–U+036F) and the general fold must be used.
    static func base(of value: UInt32) -> Unicode.Scalar? {
        let index: Int
        if ranges[0].contains(value) {
            index = Int(value - ranges[0].lowerBound)
        } else if ranges[1].contains(value) {
            index = ranges[0].count + Int(value - ranges[1].lowerBound)
        } else {
            return nil
        }
        return table[index]
    }

    private static let table: [Unicode.Scalar?] = ranges.joined().map { value in
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let parts = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        guard let first = parts.first, parts.dropFirst().allSatisfy({ (0x0300...0x036F).contains($0.value) })
        else { return nil }
        return first
    }
}

extension Unicode.Scalar {
    /// Whitespace by Unicode's definition (the White_Space property).
    var isBlank: Bool {
        // The White_Space property, spelled out: the lookup is slow and the set is closed.
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing whitespace (including NBSP and other Unicode blanks).
    var trimmingBlanks: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isBlank }),
              let last = scalars.lastIndex(where: { !$0.isBlank })
        else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return String(self) }
        return String(String.UnicodeScalarView(scalars[first...last]))
    }

    /// The text with every run of whitespace turned into one space, and none at either end.
    var collapsingBlanks: String {
        var previousBlank = true
        var clean = true
        for scalar in unicodeScalars {
            let blank = scalar.isBlank
            if blank && (previousBlank || scalar != " ") {
                clean = false
                break
            }
            previousBlank = blank
        }
        if clean && !previousBlank { return String(self) }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isBlank {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }
}
