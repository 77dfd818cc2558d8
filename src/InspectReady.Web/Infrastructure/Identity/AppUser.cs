using Microsoft.AspNetCore.Identity;

namespace InspectReady.Web.Infrastructure.Identity;

public sealed class AppUser : IdentityUser<Guid>
{
    public Guid? UnitId { get; set; }
    /// 所属区划: the unit's region when the user has a unit; set by hand for office and inspector users without one.
    public Guid? RegionId { get; set; }
    public Guid? PersonId { get; set; }
    public string? DisplayName { get; set; }
    public bool MustChangePassword { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime? PasswordChangedAt { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole() { }

    public AppRole(string name) : base(name) => Id = Guid.CreateVersion7();
}
