using InspectReady.Web.Domain.CaseFiles;
using InspectReady.Web.Domain.CaseFiles.Reviews;
using InspectReady.Web.Domain.CaseFiles.Sampling;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Data;

/// <summary>The case-file review tables, kept beside the context rather than in it so feature work does not collide there.</summary>
public static class CaseFileSets
{
    extension(AppDbContext db)
    {
        public DbSet<CaseFile> CaseFiles => db.Set<CaseFile>();
        public DbSet<SamplingDraw> SamplingDraws => db.Set<SamplingDraw>();
        public DbSet<ReviewTemplate> ReviewTemplates => db.Set<ReviewTemplate>();
        public DbSet<CaseReview> CaseReviews => db.Set<CaseReview>();
        public DbSet<Rectification> Rectifications => db.Set<Rectification>();
    }
}
