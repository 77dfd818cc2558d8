using InspectReady.Web.Domain.Surveys;
using Microsoft.EntityFrameworkCore;

namespace InspectReady.Web.Data;

/// <summary>The survey and publicity tables, kept beside the context so feature work does not collide there.</summary>
public static class SurveySets
{
    extension(AppDbContext db)
    {
        public DbSet<Survey> Surveys => db.Set<Survey>();
        public DbSet<SurveyLink> SurveyLinks => db.Set<SurveyLink>();
        public DbSet<SurveyInvitation> SurveyInvitations => db.Set<SurveyInvitation>();
        public DbSet<SurveyResponse> SurveyResponses => db.Set<SurveyResponse>();
        public DbSet<SurveyCall> SurveyCalls => db.Set<SurveyCall>();
        public DbSet<SurveyRectification> SurveyRectifications => db.Set<SurveyRectification>();
        public DbSet<PublicityActivity> PublicityActivities => db.Set<PublicityActivity>();
        public DbSet<PublicityPhoto> PublicityPhotos => db.Set<PublicityPhoto>();
        public DbSet<PublicityPlan> PublicityPlans => db.Set<PublicityPlan>();
    }
}
