package bot

// Discord permission bits the bot checks.
const (
	permAdministrator int64 = 1 << 3
	permManageGuild   int64 = 1 << 5 // "Manage Server"
)

// mayReindex reports whether the member who sent in may rebuild the index:
// Manage Server (or Administrator) in the guild, or a moderator role.
// Discord hides /reindex from others by default, but server admins can
// change that, so the bot checks again.
func mayReindex(in interaction, moderatorRoles map[string]bool) bool {
	if !in.InGuild {
		return false
	}
	if in.Permissions&(permManageGuild|permAdministrator) != 0 {
		return true
	}
	for _, r := range in.Roles {
		if moderatorRoles[r] {
			return true
		}
	}
	return false
}
