using InspectReady.Web.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InspectReady.Web.Data.Configurations;

public sealed class StoredHolidayYearConfiguration : IEntityTypeConfiguration<StoredHolidayYear>
{
    public void Configure(EntityTypeBuilder<StoredHolidayYear> b)
    {
        b.ToTable("HolidayYears");
        b.HasKey(y => y.Year);
        b.Property(y => y.Year).ValueGeneratedNever();
        b.Property(y => y.Source).HasMaxLength(10);
        b.Property(y => y.UpdatedBy).HasMaxLength(100);
        b.Property(y => y.Revision).IsConcurrencyToken();
    }
}
