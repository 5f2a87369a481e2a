import Foundation

extension String {
    /// The string in Unicode NFC, the form Loa stores names, hamlets, groups and bodies in, so that
    /// `Thông Nhất` typed with combining marks and typed precomposed is one hamlet.
    public var precomposed: String { precomposedStringWithCanonicalMapping }
}
