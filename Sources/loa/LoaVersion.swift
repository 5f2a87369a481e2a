/// What `loa --version` prints: the release number and the commit a packaged build was made from.
enum LoaVersion {
    /// The release number: the one place it is written (`scripts/package` reads it from here).
    static let number = "0.1.0"
    /// The commit `scripts/package` built from (it sets this line in its copy of the sources);
    /// `nil` in a plain `swift build`.
    static let commit: String? = nil

    /// `0.1.0 (commit 1a2b3c4d5e6f)`, or `0.1.0 (development build)`.
    static var description: String {
        commit.map { "\(number) (commit \($0))" } ?? "\(number) (development build)"
    }
}
