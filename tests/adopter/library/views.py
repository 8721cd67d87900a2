from rest_framework import viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.response import Response
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView
from rest_framework_simplejwt.authentication import JWTAuthentication

from library.exceptions import BookLocked
from library.isbn import isbn_lookup
from library.models import Author, Book
from library.serializers import AuthorSerializer, BookSerializer


class AuthorViewSet(viewsets.ModelViewSet):
    queryset = Author.objects.order_by("name", "id")
    serializer_class = AuthorSerializer


class BookViewSet(viewsets.ModelViewSet):
    queryset = Book.objects.select_related("author", "owner").order_by("id")
    serializer_class = BookSerializer

    def perform_create(self, serializer: BookSerializer) -> None:
        serializer.save(owner=self.request.user)

    def perform_update(self, serializer: BookSerializer) -> None:
        if serializer.instance.locked:
            raise BookLocked()
        serializer.save()

    @action(detail=True, methods=["post"])
    def lock(self, request, pk=None):
        book = self.get_object()
        if book.locked:
            raise BookLocked()
        book.locked = True
        book.save(update_fields=["locked"])
        return Response(self.get_serializer(book).data)

    def perform_destroy(self, instance: Book) -> None:
        if instance.owner_id != self.request.user.pk:
            raise PermissionDenied("Only the owner may delete a book.")
        instance.delete()

    @action(detail=True, methods=["get"])
    def reviews(self, request, pk=None):
        book = self.get_object()
        raise NotFound(f"No reviews of book {book.pk} yet.", code="reviews_not_found")

    @action(detail=True, methods=["post"], url_path="refresh-isbn")
    def refresh_isbn(self, request, pk=None):
        book = self.get_object()
        record = isbn_lookup(book.isbn)
        book.title = record["title"]
        book.save(update_fields=["title"])
        return Response(self.get_serializer(book).data)


class SummaryReportView(APIView):
    """Counts over the whole library, for API clients with a token; expensive, so a low rate."""

    authentication_classes = [JWTAuthentication]
    throttle_classes = [ScopedRateThrottle]
    throttle_scope = "reports"

    def get(self, request):
        return Response({"authors": Author.objects.count(), "books": Book.objects.count()})
