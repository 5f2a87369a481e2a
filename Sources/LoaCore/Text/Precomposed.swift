import Foundation

extension String {
    /// The string in Unicode NFC, the form Loa stores names, hamlets, groups and bodies in, so that
    /// `Thông Nhất` typed with combining marks and typed precomposed is one hamlet.
    public var precomposed: String {
        isTriviallyPrecomposed ? self : precomposedStringWithCanonicalMapping
    }

    /// True when every scalar is below U+0300 (Latin, no combining marks) or in Latin Extended
    /// Additional (U+1E00–U+1EFF, where precomposed Vietnamese letters live): such text is already NFC,
    /// and checking costs far less than Foundation's normalisation.
    var isTriviallyPrecomposed: Bool {
        unicodeScalars.allSatisfy { $0.value < 0x300 || (0x1E00...0x1EFF).contains($0.value) }
    }
}
