import Foundation

/// A person the commune can reach; phone numbers are unique per commune (SPEC §2).
public struct Resident: Sendable, Equatable, Identifiable {
    public var id: Int64
    public var name: String
    public var phone: PhoneNumber?
    public var zaloID: String?
    public var hamlet: String?
    public var groups: [String]
    public var channels: [String]
    /// When staff removed the resident from the registry: kept for history, left out of new notices.
    public var removedAt: Date?

    public init(
        id: Int64, name: String, phone: PhoneNumber?, zaloID: String?, hamlet: String?,
        groups: [String], channels: [String] = [], removedAt: Date? = nil
    ) {
        self.id = id
        self.name = name
        self.phone = phone
        self.zaloID = zaloID
        self.hamlet = hamlet
        self.groups = groups
        self.channels = channels
        self.removedAt = removedAt
    }

    /// A resident with neither a phone nor a Zalo id counts in reach but cannot be sent to.
    public var isReachable: Bool { phone != nil || zaloID != nil }
}

/// One validated resident row ready to be written, keyed by its phone number.
///
/// Which fields an import may change is given by the file's ``ResidentColumns``: a column the file
/// lacks leaves the stored value alone.
public struct ResidentInput: Sendable, Equatable {
    public var line: Int
    public var name: String
    public var phone: PhoneNumber
    public var zaloID: String?
    public var hamlet: String?
    public var groups: [String]
    public var channels: [String]

    public init(
        line: Int = 0, name: String, phone: PhoneNumber, zaloID: String? = nil, hamlet: String? = nil,
        groups: [String] = [], channels: [String] = []
    ) {
        self.line = line
        self.name = name.precomposed
        self.phone = phone
        self.zaloID = zaloID
        self.hamlet = hamlet?.precomposed
        self.groups = groups.map(\.precomposed)
        self.channels = channels
    }
}

/// The optional columns a resident file carried (name and phone are always required).
public struct ResidentColumns: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let zalo = ResidentColumns(rawValue: 1)
    public static let hamlet = ResidentColumns(rawValue: 2)
    public static let groups = ResidentColumns(rawValue: 4)
    public static let channels = ResidentColumns(rawValue: 8)
    public static let all: ResidentColumns = [.zalo, .hamlet, .groups, .channels]
}
