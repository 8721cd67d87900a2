from django.contrib import admin
from django.urls import include, path
from library.views import AuthorViewSet, BookViewSet, SummaryReportView
from rest_framework.routers import DefaultRouter
from rest_framework_simplejwt.views import TokenObtainPairView, TokenRefreshView

router = DefaultRouter()
router.register("books", BookViewSet)
router.register("authors", AuthorViewSet)

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api-auth/", include("rest_framework.urls")),
    path("v1/", include(router.urls)),
    path("v1/reports/summary/", SummaryReportView.as_view(), name="report-summary"),
    path("v1/auth/jwt/create/", TokenObtainPairView.as_view(), name="jwt-create"),
    path("v1/auth/jwt/refresh/", TokenRefreshView.as_view(), name="jwt-refresh"),
    path("v1/auth/", include("djoser.urls")),
]

# The error catalog's reference page; its helpUrl links point here.
urlpatterns += [path("errors/", include("catalog.urls"))]
